// The plain-language paragraph at the top of the report, generated from the figures in the
// register of the monitoring missions' daily reports: "42 ceasefire violations in the past 24
// hours, including 20 in Aleppo province"; "in Aleppo more than 250 people have died over the
// last nine days". Every number in it links to its rows (or, for counts of listed items, to the
// section that lists them).
import type { Figure } from '../daily/report-types.ts';
import { sectionLink, type DocContext, type Inline, type Section } from './document-model.ts';
import {
  ZONE_CHANGE_LABELS,
  areaLabel,
  formatClockOnDay,
  formatCount,
  numberWord,
  spanHours,
} from './report-format.ts';

const be = (n: number) => (n === 1 ? 'was' : 'were');
const s = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

/** The areas with most of a figure in the period (from the daily series' last day). */
function topAreas(ctx: DocContext, pick: 'violations' | 'killed'): { label: string; f: Figure }[] {
  const { series, period } = ctx.report;
  const last = series.days.length - 1;
  if (last < 0 || series.days[last]!.date !== period.date) return [];
  return series.areas
    .map((a) => ({ label: areaLabel(a.area), f: a[pick][last]! }))
    .filter((a) => a.f.value > 0)
    .sort((a, b) => b.f.value - a.f.value || (a.label < b.label ? -1 : 1));
}

function violationSentences(ctx: DocContext): Inline[] {
  const r = ctx.report;
  const v = r.headline.violations;
  const total = v.total.current.value;
  const when = `in the ${spanHours(r.period.from, r.period.until)} hours to ${formatClockOnDay(r.period.until, r.timeZone)} (${r.timeZone} time)`;
  const cap = 'Summary · violations';
  const previous: Inline[] = [
    ', against ',
    ctx.fig(v.total.previous, `${cap} · ${ctx.periodLabels.previous}`),
    ' in the previous period',
  ];
  if (total === 0) return ['No ceasefire violations were recorded ', when, ...previous, '. '];
  const out: Inline[] = [
    ctx.fig(v.total.current, `${cap} · ${ctx.periodLabels.current}`),
    ` ceasefire ${s(total, 'violation')} ${be(total)} recorded ${when}`,
    ...previous,
  ];
  const areas = topAreas(ctx, 'violations');
  if (areas.length === 1 && areas[0]!.f.value === total)
    out.push(`, ${total === 1 ? 'in' : 'all of them in'} ${areas[0]!.label}`);
  else if (areas.length > 0) {
    out.push(', including ');
    areas.slice(0, 2).forEach((a, i) => {
      if (i > 0) out.push(' and ');
      out.push(ctx.fig(a.f, `Summary · violations · ${a.label} · ${ctx.periodLabels.current}`), ` in ${a.label}`); // prettier-ignore
    });
  }
  const c = (f: Figure, what: string) => ctx.fig(f, `Summary · violations, ${what}`);
  out.push(
    '. Of these, ', c(v.certain.current, 'certain'), ' ', s(v.certain.current.value, 'is', 'are'),
    ' certain and ', c(v.possible.current, 'possible'), ' possible; ',
    c(v.confirmed.current, 'confirmed'), ` ${v.confirmed.current.value === 1 ? 'has' : 'have'} been confirmed and `,
    c(v.pending.current, 'pending'), ` ${v.pending.current.value === 1 ? 'awaits' : 'await'} review.`,
  ); // prettier-ignore
  const dismissed = v.dismissed.current;
  if (dismissed.value > 0)
    out.push(' ', c(dismissed, 'dismissed'), ` further ${s(dismissed.value, 'report was', 'reports were')} dismissed as not ${s(dismissed.value, 'a violation', 'violations')}.`); // prettier-ignore
  return [...out, ' '];
}

function casualtySentence(ctx: DocContext): Inline[] {
  const k = ctx.report.headline.casualties;
  const best = k.killed.best.current.value;
  const cap = 'Summary · killed';
  const previous = ctx.fig(k.killed.best.previous, `${cap} · ${ctx.periodLabels.previous}`);
  if (best === 0 && k.killed.high.current.value === 0)
    return k.killed.best.previous.value > 0
      ? ['No one was reported killed, against ', previous, ' in the previous period. ']
      : ['No one was reported killed. '];
  const out: Inline[] = [
    ctx.fig(k.killed.best.current, `${cap}, best estimate · ${ctx.periodLabels.current}`),
    ` ${best === 1 ? 'person was' : 'people were'} killed (best estimate`,
  ];
  const { low, high } = k.killed;
  if (low.current.value !== best || high.current.value !== best)
    out.push('; between ', ctx.fig(low.current, `${cap}, low`), ' and ', ctx.fig(high.current, `${cap}, high`)); // prettier-ignore
  out.push(')');
  const civilians = k.civiliansKilled.current;
  if (civilians.value > 0)
    out.push(', ', ctx.fig(civilians, `${cap}, civilians`), ` of them ${s(civilians.value, 'a civilian', 'civilians')}`); // prettier-ignore
  return [...out, ', against ', previous, ' in the previous period. '];
}

function rollingSentence(ctx: DocContext): Inline[] {
  const w = ctx.report.rolling[ctx.report.rolling.length - 1];
  if (!w || w.total.killed.current.value === 0) return [];
  const days = numberWord(w.days);
  const cap = `Summary · killed · last ${w.days} days`;
  const top = [...w.areas]
    .filter((a) => a.killed.current.value > 0)
    .sort((a, b) => b.killed.current.value - a.killed.current.value)[0];
  const total = w.total.killed.current;
  const out: Inline[] = [
    'Over the last ',
    days,
    ` days, `,
    ctx.fig(total, cap),
    ` ${total.value === 1 ? 'person has' : 'people have'} been killed`,
  ];
  if (top && w.areas.filter((a) => a.killed.current.value > 0).length > 1) {
    const area = areaLabel(top.area);
    out.push('; in ', area, ' alone, ', ctx.fig(top.killed.current, `${cap} · ${area}`));
  } else if (top) out.push(`, ${total.value === 1 ? '' : 'all '}in ${areaLabel(top.area)}`);
  return [...out, '. '];
}

function changeSentence(ctx: DocContext): Inline[] {
  const changes = ctx.report.zoneChanges;
  if (changes.length === 0) return [];
  const phrases = changes.slice(0, 3).map((c) => {
    const what =
      c.kind === 'extended' && c.extendedByHours !== null
        ? `was extended by ${formatCount(c.extendedByHours)} hours`
        : c.kind === 'signed' || c.kind === 'recorded'
          ? `had a ${ZONE_CHANGE_LABELS[c.kind]}`
          : c.kind === 'replaced'
            ? 'was replaced by another version'
            : c.kind === 'entered_force'
              ? 'came into force'
              : 'expired';
    return `${c.zoneName} (${ctx.agreement(c.agreementId)}) ${what}`;
  });
  const more = changes.length - phrases.length;
  const out: Inline[] = ['In the period, ', phrases.join('; ')];
  if (more > 0) out.push('; and ', sectionLink('zone-changes', formatCount(more)), ` more ${s(more, 'change')}`); // prettier-ignore
  return [...out, '. '];
}

function listSentences(ctx: DocContext): Inline[] {
  const out: Inline[] = [];
  const warnings = ctx.report.earlyWarnings.length;
  if (warnings > 0)
    out.push('Early warnings were raised for ', sectionLink('early-warning', formatCount(warnings)), ` ${s(warnings, 'place and measure', 'places and measures')} (above). `); // prettier-ignore
  const disputed = ctx.report.disputed.length;
  if (disputed > 0) {
    const incidents = new Set(ctx.report.disputed.map((d) => d.incidentId)).size;
    out.push(sectionLink('disputed', formatCount(disputed)), ` ${s(disputed, 'claim')} about ${numberWord(incidents)} ${s(incidents, 'incident')} ${disputed === 1 ? 'is' : 'are'} disputed.`); // prettier-ignore
  }
  return out;
}

export function summarySection(ctx: DocContext): Section {
  const content = [
    ...violationSentences(ctx),
    ...casualtySentence(ctx),
    ...rollingSentence(ctx),
    ...changeSentence(ctx),
    ...listSentences(ctx),
  ];
  const last = content[content.length - 1];
  if (typeof last === 'string') content[content.length - 1] = last.trimEnd();
  return {
    id: 'summary',
    title: 'Summary',
    role: 'body',
    blocks: [{ kind: 'paragraph', content, role: 'summary' }],
  };
}
