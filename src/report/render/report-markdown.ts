// The daily report as Markdown for e-mail: the same sections as the HTML, as GitHub-flavoured
// tables and lists that also read well as plain text. A number with rows behind it is followed by
// its figure-index reference, `13 [F7]`, listed in Appendix A; there are no charts — each area's
// daily series is a one-line trend of block characters instead.
import type { DailyReport } from '../daily/report-types.ts';
import type { Block, FigureRef, Inline, ReportDocument, Section, Table } from './document-model.ts';
import { entryCount, entryTitle, type FigureEntry, type RowRef } from './figure-index.ts';
import { reportDocument, type RenderOptions } from './report-document.ts';
import { formatCount, formatDelta } from './report-format.ts';

/** Backslash-escapes the characters Markdown (and GFM tables) would read as syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

function codeSpan(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

class MarkdownWriter {
  constructor(private readonly doc: ReportDocument) {}

  private figure(f: FigureRef): string {
    const entry = this.doc.figures.entries[f.n - 1];
    const ref = entry && entry.refs.length > 0 ? ` [F${f.n}]` : '';
    return `${formatCount(f.value)}${ref}`;
  }

  inline(x: Inline): string {
    if (typeof x === 'string') return escapeMarkdown(x);
    switch (x.kind) {
      case 'strong':
        return `**${escapeMarkdown(x.text)}**`;
      case 'figure':
        return this.figure(x.fig);
      case 'compared':
        return `${this.figure(x.current)} (was ${this.figure(x.previous)}, ${formatDelta(x.delta)})`;
      case 'row':
        return escapeMarkdown(x.label);
      case 'section':
        return escapeMarkdown(x.text);
      case 'code':
        return codeSpan(x.text);
      case 'spark':
        return x.text;
      case 'label':
        return `**${escapeMarkdown(x.text)}**`;
    }
  }

  inlines(xs: readonly Inline[]): string {
    return xs.map((x) => this.inline(x)).join('');
  }

  table(t: Table): string {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const lines = [
      line(t.head.map((h) => escapeMarkdown(h) || ' ')),
      line(t.numeric.map((n) => (n ? '---:' : '---'))),
      ...t.rows.map((r) =>
        line(
          r.cells.map((c, i) => {
            const text = this.inlines(c);
            return r.total && i === 0 ? `**${text}**` : text;
          }),
        ),
      ),
    ];
    return (t.caption ? `${escapeMarkdown(t.caption)}\n\n` : '') + lines.join('\n');
  }

  entry(e: FigureEntry): string {
    const row = (r: RowRef) => (r.listed ? r.label : codeSpan(r.id));
    const rows = this.doc.rows
      .runs(e.of, e.refs)
      .map(({ first, last }) => (last ? `${row(first)}–${row(last)}` : row(first)))
      .join(', ');
    return `- **F${e.n}** ${escapeMarkdown(entryTitle(e))} — ${entryCount(e)}${rows ? `: ${rows}` : ''}`; // prettier-ignore
  }

  block(b: Block): string | null {
    switch (b.kind) {
      case 'paragraph':
        return b.role === 'note' ? `_${this.inlines(b.content)}_` : this.inlines(b.content);
      case 'list':
        return b.items.map((i) => `- ${this.inlines(i)}`).join('\n');
      case 'table':
        return this.table(b.table);
      case 'heading':
        return `### ${escapeMarkdown(b.text)}`;
      case 'facts':
        return b.items.map(([k, v]) => `- **${escapeMarkdown(k)}:** ${this.inlines(v)}`).join('\n');
      case 'series':
        return null;
      case 'map':
        return '_The map is in the HTML and PDF editions of this report._';
      case 'figure-index':
        // Only the entries the Markdown quotes: the HTML's chart bars add their own after these.
        return this.doc.figures.entries.map((e) => this.entry(e)).join('\n');
    }
  }

  section(s: Section): string {
    const blocks = s.blocks.map((b) => this.block(b)).filter((b): b is string => b !== null);
    return [`## ${escapeMarkdown(s.title)}`, ...blocks].join('\n\n');
  }
}

export function renderReportMarkdown(report: DailyReport, options: RenderOptions = {}): string {
  const doc = reportDocument(report, options);
  const w = new MarkdownWriter(doc);
  const head = [`# ${escapeMarkdown(doc.title)}`];
  if (doc.subtitle) head.push(escapeMarkdown(doc.subtitle));
  return `${[...head, ...doc.sections.map((s) => w.section(s))].join('\n\n')}\n`;
}
