// The appendix: the figure index (which rows make each number of the body), then every incident
// of the report's days with its sources and their grades, every violation, and the notices and
// proposals the figures count. Each row carries its anchor and short label (I1, V1, N1, P1).
import type {
  AppendixIncident,
  AppendixNotice,
  AppendixProposal,
  AppendixViolation,
  RefTable,
} from '../daily/report-types.ts';
import { code, strong, type Block, type DocContext, type Inline, type Section, type Table, type TableRow } from './document-model.ts'; // prettier-ignore
import { rowAnchor } from './figure-index.ts';
import {
  STATUS_LABELS,
  TIME_PRECISION_LABELS,
  ZONE_KIND_LABELS,
  areaLabel,
  formatDateShort,
  formatDecimal,
  formatLocalTime,
  humanize,
} from './report-format.ts';

const lbh = (c: { low: number | null; best: number | null; high: number | null }) =>
  c.low === null && c.best === null && c.high === null
    ? '—'
    : `${c.low ?? '?'}/${c.best ?? '?'}/${c.high ?? '?'}`;

const latLon = (lat: number, lon: number) =>
  `${formatDecimal(Math.abs(lat), 4)}°${lat < 0 ? 'S' : 'N'} ${formatDecimal(Math.abs(lon), 4)}°${lon < 0 ? 'W' : 'E'}`;

function refCell(ctx: DocContext, table: RefTable, id: string): Inline[] {
  return [{ kind: 'label', text: ctx.rows.of(table, id) }, ' ', code(id)];
}

function joined(items: Inline[][], sep: string): Inline[] {
  return items.flatMap((x, i) => (i === 0 ? x : [sep, ...x]));
}

function incidentRow(ctx: DocContext, i: AppendixIncident): TableRow {
  const tz = ctx.report.timeZone;
  const ref = refCell(ctx, 'incident', i.id);
  if (i.externalId) ref.push(` (${i.externalId})`);
  if (i.mergedFrom.length > 0) ref.push('; merged in: ', ...joined(i.mergedFrom.map((m) => [code(m)]), ', ')); // prettier-ignore
  let when = formatLocalTime(i.occurredFrom, tz);
  if (i.occurredUntil > i.occurredFrom) when += ` to ${formatLocalTime(i.occurredUntil, tz)}`;
  if (i.timePrecision !== null && i.timePrecision > 1) when += ` (${TIME_PRECISION_LABELS[i.timePrecision]})`; // prettier-ignore
  when += `; report day ${formatDateShort(i.reportDate)}`;
  const type = [i.eventType, i.subEventType].filter(Boolean).join(' — ');
  const actors = [i.actor1, i.actor2].filter(Boolean).join('; ');
  const where = [areaLabel(i.area), i.location].filter(Boolean).join(', ');
  const radius = i.uncertaintyM > 0 ? ` ±${formatDecimal(i.uncertaintyM / 1000, 1)} km` : '';
  const sources = i.sources.map((s): Inline[] => {
    const who = [s.kind ? humanize(s.kind) : null, s.affiliation ? ctx.party(s.affiliation) : null].filter(Boolean); // prettier-ignore
    const out: Inline[] = [strong(s.name), who.length ? ` (${who.join(', ')})` : '', ` ${s.grade}`];
    const killed = lbh(s.killed);
    if (killed !== '—') out.push(`, killed ${killed}`);
    if (s.reference) out.push(', ', code(s.reference));
    return out;
  });
  return {
    anchor: rowAnchor('incident', i.id),
    cells: [
      ref,
      [when],
      [type + (actors ? `; actors: ${actors}` : '') + (i.corroborated ? '; corroborated' : '')],
      [`${where}; ${latLon(i.lat, i.lon)}${radius}`],
      [lbh(i.killed)],
      [lbh(i.injured)],
      [String(i.civiliansKilled)],
      i.violationIds.length ? joined(i.violationIds.map((v) => [ctx.row('violation', v)]), ', ') : ['—'], // prettier-ignore
      sources.length ? joined(sources, '; ') : ['none'],
    ],
  };
}

function violationRow(ctx: DocContext, v: AppendixViolation): TableRow {
  const attributions = v.attributions.map((a): Inline[] => {
    const evidence = a.evidence.map((e) => `${e.kind} ${e.ref}${e.note ? ` (${e.note})` : ''}`);
    const out: Inline[] = [strong(ctx.party(a.partyId)), ` ${a.kind}`];
    if (evidence.length) out.push(` — evidence: ${evidence.join(', ')}`);
    if (a.note) out.push(`; note: ${a.note}`);
    return out;
  });
  return {
    anchor: rowAnchor('violation', v.id),
    cells: [
      refCell(ctx, 'violation', v.id),
      [ctx.row('incident', v.incidentId)],
      [`${ctx.agreement(v.agreementId)} · ${v.zoneName}${v.zoneKind ? ` (${ZONE_KIND_LABELS[v.zoneKind]})` : ''}`], // prettier-ignore
      [v.versionLabel ?? v.versionId],
      [v.certainty],
      [STATUS_LABELS[v.status]],
      [v.intent ?? '—'],
      attributions.length ? joined(attributions, '; ') : ['none'],
    ],
  };
}

function noticeRow(ctx: DocContext, n: AppendixNotice): TableRow {
  const tz = ctx.report.timeZone;
  return {
    anchor: rowAnchor('notice', n.id),
    cells: [
      refCell(ctx, 'notice', n.id),
      [ctx.row('violation', n.violationId)],
      [ctx.party(n.partyId)],
      [n.status],
      [formatLocalTime(n.sentAt, tz)],
      [n.answeredAt === null ? '—' : formatLocalTime(n.answeredAt, tz)],
    ],
  };
}

function proposalRow(ctx: DocContext, p: AppendixProposal): TableRow {
  return {
    anchor: rowAnchor('proposal', p.id),
    cells: [
      refCell(ctx, 'proposal', p.id),
      [ctx.agreement(p.agreementId)],
      [p.label],
      [p.status],
      [code(p.digest)],
    ],
  };
}

function tableSection(id: string, title: string, table: Table, empty: string): Section {
  const blocks: Block[] =
    table.rows.length === 0
      ? [{ kind: 'paragraph', content: [empty] }]
      : [{ kind: 'table', table }];
  return { id, title, role: 'appendix', blocks };
}

export function appendixSections(ctx: DocContext): Section[] {
  const a = ctx.report.appendix;
  const text = (n: number) => Array.from({ length: n }, () => false);
  return [
    {
      id: 'appendix-figures',
      title: 'Appendix A — Figures and the rows behind them',
      role: 'appendix',
      blocks: [
        {
          kind: 'paragraph',
          content: ['Each number of the report links to one entry here, which lists exactly the rows it counts (or sums); numbers made of the same rows share an entry, captioned where first quoted.'], // prettier-ignore
          role: 'note',
        },
        { kind: 'figure-index' },
      ],
    },
    tableSection(
      'appendix-incidents',
      'Appendix B — Incidents',
      {
        head: ['Ref', 'When', 'Type', 'Where', 'Killed l/b/h', 'Injured l/b/h', 'Civilians killed', 'Violations', 'Sources (grade)'], // prettier-ignore
        numeric: [false, false, false, false, true, true, true, false, false],
        rows: a.incidents.map((i) => incidentRow(ctx, i)),
      },
      'No incidents.',
    ),
    tableSection(
      'appendix-violations',
      'Appendix C — Violations',
      {
        head: ['Ref', 'Incident', 'Agreement · zone', 'Version', 'Certainty', 'Status', 'Intent', 'Attribution'], // prettier-ignore
        numeric: text(8),
        rows: a.violations.map((v) => violationRow(ctx, v)),
      },
      'No violations.',
    ),
    tableSection(
      'appendix-notices',
      'Appendix D — Violation notices',
      {
        head: ['Ref', 'Violation', 'Party', 'Status', 'Sent', 'Answered'],
        numeric: text(6),
        rows: a.notices.map((n) => noticeRow(ctx, n)),
      },
      'No notices.',
    ),
    tableSection(
      'appendix-proposals',
      'Appendix E — Proposals',
      {
        head: ['Ref', 'Agreement', 'Label', 'Status', 'Digest'],
        numeric: text(5),
        rows: a.proposals.map((p) => proposalRow(ctx, p)),
      },
      'No proposals.',
    ),
  ];
}
