// Per agreement and zone: violations and the casualties of the incidents that violated it, against
// the previous period; and the zones whose version changed during the period (extensions,
// expiries, new versions signed).
import type { AgreementFigures, Compared, ZoneChange, ZoneFigures } from '../daily/report-types.ts';
import { code, strong, type Block, type DocContext, type Inline, type Section, type TableRow } from './document-model.ts'; // prettier-ignore
import {
  ZONE_CHANGE_LABELS,
  ZONE_KIND_LABELS,
  formatCount,
  formatLocalTime,
} from './report-format.ts';

type Scope = Pick<ZoneFigures, 'violations' | 'casualties'>;

function scopeRow(ctx: DocContext, label: Inline[], f: Scope, caption: string): TableRow {
  const v = f.violations;
  const k = f.casualties;
  const now = (x: Compared, what: string) =>
    ctx.fig(x.current, `${caption} · ${what} · ${ctx.periodLabels.current}`);
  return {
    cells: [
      label,
      [ctx.cmp(v.total, `${caption} · violations`)],
      [now(v.certain, 'certain'), ' · ', now(v.possible, 'possible')],
      [now(v.confirmed, 'confirmed'), ' · ', now(v.pending, 'pending'), ' · ', now(v.dismissed, 'dismissed')], // prettier-ignore
      [ctx.cmp(k.killed.best, `${caption} · killed, best`)],
      [now(k.killed.low, 'killed, low'), '–', now(k.killed.high, 'killed, high')],
      [ctx.cmp(k.civiliansKilled, `${caption} · civilians killed`)],
    ],
  };
}

function agreementBlocks(ctx: DocContext, a: AgreementFigures): Block[] {
  const rows: TableRow[] = [
    { ...scopeRow(ctx, ['All zones'], a, a.title), total: true },
    ...a.zones.map((z) => {
      const label: Inline[] = [z.zoneName];
      if (z.zoneKind) label.push(` (${ZONE_KIND_LABELS[z.zoneKind]})`);
      if (!z.inForce) label.push(' — not in force in the period');
      return scopeRow(ctx, label, z, `${a.title} · ${z.zoneName}`);
    }),
  ];
  return [
    { kind: 'heading', text: a.title },
    {
      kind: 'table',
      table: {
        head: ['Zone', 'Violations', 'Certain · possible', 'Confirmed · pending · dismissed', 'Killed (best)', 'Killed, low–high', 'Civilians killed'], // prettier-ignore
        numeric: [false, true, true, true, true, true, true],
        rows,
      },
    },
  ];
}

export function agreementsSection(ctx: DocContext): Section {
  const agreements = ctx.report.agreements;
  return {
    id: 'agreements',
    title: 'Agreements and zones',
    role: 'body',
    blocks: [
      {
        kind: 'paragraph',
        content: [
          'Violations of each agreement and each of its zones, and the casualties of the incidents that violated it (an incident violating two zones of one agreement counts once for the agreement). Dismissed violations are left out of all but their own column.',
        ],
        role: 'note',
      },
      ...(agreements.length === 0
        ? [{ kind: 'paragraph', content: ['No agreement was in force in either period.'] } as Block]
        : agreements.flatMap((a) => agreementBlocks(ctx, a))),
    ],
  };
}

function changeItem(ctx: DocContext, c: ZoneChange): Inline[] {
  const tz = ctx.report.timeZone;
  const what =
    c.kind === 'extended' && c.extendedByHours !== null
      ? `extended by ${formatCount(c.extendedByHours)} hours`
      : ZONE_CHANGE_LABELS[c.kind];
  const item: Inline[] = [
    `${formatLocalTime(c.at, tz)} — `,
    strong(`${c.zoneName} (${ZONE_KIND_LABELS[c.zoneKind]}), ${ctx.agreement(c.agreementId)}:`),
    ` ${what}`,
  ];
  if (c.previous || c.version) {
    item.push(` (${c.previous?.label ?? '—'} → ${c.version?.label ?? 'none in force'}`);
    if (c.version) {
      const until = c.version.validUntil === null ? 'open-ended' : `until ${formatLocalTime(c.version.validUntil, tz)}`; // prettier-ignore
      item.push(`, valid from ${formatLocalTime(c.version.validFrom, tz)} ${until}`);
    }
    item.push(')');
  }
  if (c.kind !== 'extended' && c.extendedByHours !== null && c.extendedByHours !== 0)
    item.push(`; the zone's window now ends ${formatCount(Math.abs(c.extendedByHours))} hours ${c.extendedByHours > 0 ? 'later' : 'earlier'}`); // prettier-ignore
  const proposal = c.version?.proposalId;
  if (proposal) {
    const listed = ctx.report.appendix.proposals.some((p) => p.id === proposal);
    item.push('; proposal ', listed ? ctx.row('proposal', proposal) : code(proposal));
  }
  return [...item, '.'];
}

export function zoneChangesSection(ctx: DocContext): Section {
  const changes = ctx.report.zoneChanges;
  return {
    id: 'zone-changes',
    title: 'Zone changes in the period',
    role: 'body',
    blocks:
      changes.length === 0
        ? [{ kind: 'paragraph', content: ['No zone changed version in the period.'] }]
        : [{ kind: 'list', items: changes.map((c) => changeItem(ctx, c)) }],
  };
}
