// The early warnings (listed first in the report) and the disputed claims, in plain words with the
// rule's numbers: the period's value, the baseline it is compared with, the threshold the rule
// sets there and how rare a rise this large would be by chance.
import type { AppendixIncident, EarlyWarning, WarningPlace } from '../daily/report-types.ts';
import { strong, type DocContext, type Inline, type Section } from './document-model.ts';
import {
  DISPUTE_LABELS,
  areaLabel,
  chanceInWords,
  formatCount,
  formatDecimal,
  formatPValue,
  numberWord,
} from './report-format.ts';

export function placeLabel(ctx: DocContext, place: WarningPlace): string {
  return place.kind === 'area'
    ? areaLabel(place.area)
    : `${place.zoneName} (${ctx.agreement(place.agreementId)})`;
}

const MEASURES: Record<EarlyWarning['measure'], string> = {
  violations: 'violations',
  killed: 'people killed (best estimate)',
};

function warningItem(ctx: DocContext, w: EarlyWarning): Inline[] {
  const place = placeLabel(ctx, w.place);
  const unit = w.measure === 'killed' ? 'killed' : 'violations';
  const items: Inline[] = [
    strong(`${place} — ${MEASURES[w.measure]}:`),
    ' ',
    ctx.fig(w.value, `Early warning · ${place} · ${MEASURES[w.measure]}`),
    ` in the period against a baseline of ${formatDecimal(w.baselineMean)} a day over the previous ${numberWord(w.baselineDays)} report days. `,
    `The rule flags ${formatCount(w.threshold)} ${unit} or more here; a rise this large would happen by chance ${chanceInWords(w.pValue)} (${formatPValue(w.pValue)}).`,
  ];
  if (w.dispersion > 1)
    items.push(
      ` The baseline is lumpy (variance ${formatDecimal(w.dispersion, 1)} times its mean), so the band is widened.`,
    );
  return items;
}

export function earlyWarningSection(ctx: DocContext): Section {
  const warnings = ctx.report.earlyWarnings;
  return {
    id: 'early-warning',
    // The sign, not only the red frame, sets it apart.
    title: '⚠ Early warning',
    role: 'body',
    blocks:
      warnings.length === 0
        ? [
            {
              kind: 'paragraph',
              content: ['No area or zone rose well above its recent baseline in the period.'],
            },
          ]
        : [
            {
              kind: 'paragraph',
              content: [
                `Places where violations or people killed rose well above the ${numberWord(ctx.report.rules.baselineDays)} report days before the period, the least likely rise first:`,
              ],
            },
            { kind: 'list', items: warnings.map((w) => warningItem(ctx, w)), role: 'warnings' },
          ],
  };
}

function joinInlines(parts: Inline[][], sep = ', '): Inline[] {
  return parts.flatMap((p, i) => (i === 0 ? p : [sep, ...p]));
}

export function disputedSection(ctx: DocContext): Section {
  const incidents = new Map<string, AppendixIncident>(
    ctx.report.appendix.incidents.map((i) => [i.id, i]),
  );
  const items = ctx.report.disputed.map((d): Inline[] => {
    const incident = incidents.get(d.incidentId);
    const sources = new Map(incident?.sources.map((s) => [s.reportId, s]) ?? []);
    const item: Inline[] = [
      strong(`${DISPUTE_LABELS[d.kind]}:`),
      ' incident ',
      ctx.row('incident', d.incidentId),
    ];
    if (incident) item.push(` (${areaLabel(incident.area)}, ${incident.eventType})`);
    item.push(` — ${d.reason}.`);
    if (d.partyIds.length > 0) item.push(` Parties: ${d.partyIds.map((p) => ctx.party(p)).join(', ')}.`); // prettier-ignore
    if (d.violationIds.length > 0)
      item.push(' Violations: ', ...joinInlines(d.violationIds.map((v) => [ctx.row('violation', v)])), '.'); // prettier-ignore
    if (d.reportIds.length > 0) {
      const reports = d.reportIds.map((r) => {
        const s = sources.get(r);
        return s ? `${s.name} (${s.grade})` : r;
      });
      item.push(` Reports: ${reports.join(', ')}.`);
    }
    return item;
  });
  return {
    id: 'disputed',
    title: 'Disputed claims',
    role: 'body',
    blocks:
      items.length === 0
        ? [{ kind: 'paragraph', content: ['No claims about the period’s incidents are disputed.'] }]
        : [{ kind: 'list', items }],
  };
}
