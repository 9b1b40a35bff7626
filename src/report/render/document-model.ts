// The daily report laid out once, for every output: sections of paragraphs, lists and tables whose
// numbers are references into the figure index. The HTML and Markdown renderers only decide how
// each piece looks, so both show the same sections, the same figures and the same Fn numbers.
import type { Compared, DailyReport, Figure, RefTable } from '../daily/report-types.ts';
import { FigureIndex, RowLabels } from './figure-index.ts';
import { formatDateShort } from './report-format.ts';

/** A number of the body and the figure-index entry that lists its rows. */
export interface FigureRef {
  value: number;
  n: number;
}

export type Inline =
  | string
  | { kind: 'strong'; text: string }
  | { kind: 'figure'; fig: FigureRef }
  /** A figure of the period against the previous period's. */
  | { kind: 'compared'; current: FigureRef; previous: FigureRef; delta: number }
  /** A link to one appendix row. */
  | { kind: 'row'; table: RefTable; id: string; label: string }
  /** A link to a section of the report. */
  | { kind: 'section'; id: string; text: string }
  /** An identifier, shown in a fixed-width font. */
  | { kind: 'code'; text: string }
  /** A one-line trend of block characters (▁▂▃…). */
  | { kind: 'spark'; text: string }
  /** An appendix row's short label (I12), which is also an anchor the figure index links to. */
  | { kind: 'label'; text: string };

export interface TableRow {
  cells: Inline[][];
  /** The row's own anchor (appendix rows). */
  anchor?: string;
  /** A totals row, set apart. */
  total?: boolean;
}

export interface Table {
  head: string[];
  /** Per column: right-aligned numbers. */
  numeric: boolean[];
  rows: TableRow[];
  caption?: string;
}

/** One area's line of the daily series: a figure per report day. */
export interface SeriesPanel {
  label: string;
  violations: readonly Figure[];
  killed: readonly Figure[];
}

export type Block =
  | { kind: 'paragraph'; content: Inline[]; role?: 'summary' | 'note' }
  | { kind: 'list'; items: Inline[][]; role?: 'warnings' }
  | { kind: 'table'; table: Table }
  | { kind: 'heading'; text: string }
  /** Key–value lines (the header's period, cut-off, …). */
  | { kind: 'facts'; items: [label: string, value: Inline[]][] }
  | { kind: 'series'; dates: string[]; panels: SeriesPanel[] }
  | { kind: 'map' }
  | { kind: 'figure-index' };

export interface Section {
  id: string;
  title: string;
  role: 'header' | 'body' | 'appendix';
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  subtitle: string | null;
  sections: Section[];
  figures: FigureIndex;
  rows: RowLabels;
  report: DailyReport;
}

/** What every section builder needs: the report, the index it registers figures in, labels. */
export class DocContext {
  readonly figures = new FigureIndex();
  readonly rows: RowLabels;
  readonly partyNames: Map<string, string>;
  readonly agreementTitles: Map<string, string>;
  /** `17 Feb` and `16 Feb`, for captions. */
  readonly periodLabels: { current: string; previous: string };

  constructor(readonly report: DailyReport) {
    this.rows = new RowLabels(report.appendix);
    this.partyNames = new Map(report.parties.map((p) => [p.partyId, p.name]));
    this.agreementTitles = new Map(report.agreements.map((a) => [a.agreementId, a.title]));
    this.periodLabels = {
      current: formatDateShort(report.period.date),
      previous: formatDateShort(report.previousPeriod.date),
    };
  }

  ref(figure: Figure, caption: string): FigureRef {
    return { value: figure.value, n: this.figures.ref(figure, caption) };
  }

  fig(figure: Figure, caption: string): Inline {
    return { kind: 'figure', fig: this.ref(figure, caption) };
  }

  cmp(c: Compared, caption: string): Inline {
    const { current, previous } = this.periodLabels;
    return {
      kind: 'compared',
      current: this.ref(c.current, `${caption} · ${current}`),
      previous: this.ref(c.previous, `${caption} · ${previous}`),
      delta: c.delta,
    };
  }

  /** A link to an appendix row; just the id for a row outside the report's days. */
  row(table: RefTable, id: string): Inline {
    if (!this.rows.has(table, id)) return { kind: 'code', text: id };
    return { kind: 'row', table, id, label: this.rows.of(table, id) };
  }

  party(id: string): string {
    return this.partyNames.get(id) ?? id;
  }

  agreement(id: string): string {
    return this.agreementTitles.get(id) ?? id;
  }
}

export const strong = (text: string): Inline => ({ kind: 'strong', text });
export const code = (text: string): Inline => ({ kind: 'code', text });
export const sectionLink = (id: string, text: string): Inline => ({ kind: 'section', id, text });
