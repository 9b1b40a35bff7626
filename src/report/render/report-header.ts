// The report's header: which period it covers (local time with its zone, and UTC), what it is
// compared with, when it was made, how the numbers are counted and the source-grading key.
import type { Block, DocContext, Section } from './document-model.ts';
import {
  CREDIBILITY_KEY,
  RELIABILITY_KEY,
  formatDecimal,
  formatLocalTime,
  formatSpan,
  formatUtcTime,
  numberWord,
  spanHours,
  utcOffsetLabel,
} from './report-format.ts';

function facts(ctx: DocContext): Block {
  const r = ctx.report;
  const hours = (p: { from: number; until: number }) => {
    const h = spanHours(p.from, p.until);
    return h === 24 ? '' : ` (${h} hours: the clocks changed)`;
  };
  return {
    kind: 'facts',
    items: [
      ['Period', [formatSpan(r.period.from, r.period.until, r.timeZone) + hours(r.period)]],
      [
        'Compared with',
        [formatSpan(r.previousPeriod.from, r.previousPeriod.until, r.timeZone) + hours(r.previousPeriod)], // prettier-ignore
      ],
      [
        'Cut-off',
        [`${r.cutoff} ${r.timeZone} time (${utcOffsetLabel(r.period.until, r.timeZone)}) each day`],
      ],
      [
        'Generated',
        [`${formatLocalTime(r.generatedAt, r.timeZone)} ${r.timeZone} time; ${formatUtcTime(r.generatedAt)}`], // prettier-ignore
      ],
      ['Times', [`local (${r.timeZone}) unless marked UTC`]],
    ],
  };
}

function method(ctx: DocContext): Block[] {
  const { rules, cutoff, timeZone } = ctx.report;
  const windows = rules.rollingDays.map((d) => numberWord(d)).join(' and ');
  const ew = rules.earlyWarning;
  const notes = [
    `A report day runs from ${cutoff} to ${cutoff} ${timeZone} time. An incident counts once, in the report day containing its start, however long it lasts; duplicates merged into another incident count once, through it.`,
    'A violation is an incident inside a zone of an agreement version in force whose kind prohibits it (and outside every excluded area): certain when its whole uncertainty region and time lie inside, possible when they only overlap. Violations = confirmed + pending review = certain + possible; dismissed ones (judged not to be violations) are shown apart and counted nowhere else.',
    'Casualties are combined from each incident’s reports: low, best and high estimates, relying on sources graded A–C and 1–3 where there are any. “Killed” without qualification is the best estimate. Areas are governorates (admin1): as the incident names it, or else the OCHA governorate its point lies in.',
    `Rolling windows are the last ${windows} report days against the same number of days before them; the daily series covers ${numberWord(rules.seriesDays)} report days.`,
    `Early warning: for each area and zone, violations and people killed in the period against the ${rules.baselineDays} report days before it. A place is flagged when the value is at least ${ew.minCount} and a rise this large would have probability ${formatDecimal(ew.alpha, 4)} or less at the baseline rate (Poisson, widened when the baseline is lumpy).`,
    'Every number links to the rows behind it: the figure index (Fn) at the start of the appendix lists them; the change shown beside a number is the difference of the two linked figures.',
  ];
  return notes.map((text) => ({ kind: 'paragraph', content: [text], role: 'note' }));
}

function gradingKey(): Block {
  return {
    kind: 'facts',
    items: [
      ['Source reliability', [RELIABILITY_KEY.map(([g, t]) => `${g} ${t}`).join(' · ')]],
      ['Information credibility', [CREDIBILITY_KEY.map(([g, t]) => `${g} ${t}`).join(' · ')]],
      ['Grades', ['a report graded B2 comes from a usually reliable source and is probably true']],
    ],
  };
}

export function headerSection(ctx: DocContext): Section {
  return {
    id: 'about',
    title: 'About this report',
    role: 'header',
    blocks: [
      facts(ctx),
      { kind: 'heading', text: 'How the numbers are counted' },
      ...method(ctx),
      { kind: 'heading', text: 'Source grading (Admiralty scale)' },
      gradingKey(),
    ],
  };
}
