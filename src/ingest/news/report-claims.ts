// Claims about the truce's life rather than its casualties: counts of violations ("registered 42
// violations in the past 24 hours, including 20 in Aleppo province"), proposals sent for sign-off,
// and agreements agreed, in force, holding or collapsed.
import type {
  AgreementStatusClaim,
  ProposalClaim,
  ViolationCountClaim,
} from '../../domain/news-extraction.ts';
import {
  attributedSource,
  cleanSource,
  feared,
  hedged,
  mainPlace,
  type SentenceContext,
} from './claim-context.ts';
import { COUNT_PHRASE, countOf, numberValue, NUMBER_WORD } from './quantities.ts';
import { resolveDay, resolvePeriod } from './time-expressions.ts';
import { round, TRUCE } from './truce-claims.ts';

const VIOLATIONS = /\bviolations?\b|\bbreaches\b/i;
const BY_AREA = new RegExp(
  `\\b(\\d+|${NUMBER_WORD})\\s+(?:of\\s+them\\s+)?(?:in|around|near)(?:\\s+and\\s+(?:in|around|near))?\\s+(?:the\\s+)?(?:[\\p{Ll}-]+\\s+)?((?:the\\s+)?[\\p{Lu}][\\p{L}'’-]*(?:\\s+[\\p{Lu}][\\p{L}'’-]*)*(?:\\s+(?:province|governorate|city|countryside|airport))?)`,
  'gu',
);

export function violationCountClaims(ctx: SentenceContext): ViolationCountClaim[] {
  const s = ctx.sentence;
  const text = s.text;
  const v = VIOLATIONS.exec(text) ?? /\btimes\b/.exec(text);
  if (!v) return [];
  // The count right before "violations" ("nine violations", "42 ceasefire violations").
  let count: number | null = null;
  for (const m of text.slice(0, v.index).matchAll(COUNT_PHRASE)) {
    const gap = text.slice(m.index + m[0].length, v.index);
    if (!/^\s+(?:[\p{L}-]+\s+){0,3}$/u.test(gap)) continue;
    count = countOf(m)?.best ?? null;
  }
  // "breached the truce more than 300 times"
  const times = new RegExp(
    `\\b(?:breach(?:ed)?|broke|broken|violated)\\s+(?:the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:truce|cease-?fire|agreement|cessation of hostilities|deal)\\s+(?:(?:more than|at least|about|some|nearly)\\s+)?(\\d[\\d,]*|${NUMBER_WORD})\\s+times\\b`,
    'iu',
  ).exec(text);
  if (count === null && times) count = numberValue(times[1]!);
  if (count === null) return [];
  const byArea: ViolationCountClaim['by_area'] = [];
  const rest = text.slice(v.index);
  for (const m of rest.matchAll(BY_AREA)) {
    const n = numberValue(m[1]!);
    if (n === null || n >= count) continue;
    const from = s.start + v.index + m.index;
    byArea.push({
      area: m[2]!.replace(/^the\s+/i, ''),
      place: mainPlace(ctx, from, from + m[0].length),
      count: n,
    });
  }
  const counter =
    /^((?:the\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,12}?)\s+(?:has\s+|have\s+|had\s+)?(?:registered|recorded|counted|documented|logged|reported|noted|monitored)\b/iu.exec(
      text,
    );
  const source = attributedSource(text);
  const countedBy = counter ? cleanSource(counter[1]!) : source;
  return [
    {
      kind: 'violation_count',
      start: s.start,
      end: s.end,
      quote: text,
      confidence: round(
        0.65 + (countedBy ? 0.15 : 0) + (TRUCE.test(text) || /violations/i.test(text) ? 0.05 : 0),
      ),
      source,
      count,
      period: resolvePeriod(text, ctx.published),
      by_area: byArea,
      counted_by: countedBy,
    },
  ];
}

const PROPOSAL =
  /\b(?:proposals?|drafts?(?: (?:agreements?|plans?|deals?|resolutions?|texts?|proposals?))?|peace plan|(?:new|revised) plan)\b/i;

export function proposalClaims(ctx: SentenceContext): ProposalClaim[] {
  const s = ctx.sentence;
  const text = s.text;
  const p = PROPOSAL.exec(text);
  if (!p) return [];
  let status: ProposalClaim['status'] | null = null;
  if (
    /\bsign[- ]?off\b|\bfor (?:their )?(?:approval|signature|endorsement)\b|\bto (?:sign|approve)\b|\b(?:submitted|sent|circulated|handed|presented|put|tabled)\b[^.;]{0,40}?\b(?:to|before)\s+(?:the\s+)?(?:parties|sides|key|warring|government|opposition|both|all)\b/i.test(
      text,
    )
  )
    status = 'sent_for_signoff';
  else if (/\b(?:accepted|endorsed|approved|signed)\b/i.test(text) && !hedged(text))
    status = 'accepted';
  else if (/\b(?:rejected|turned\s+(?:[\p{L}-]+\s+){0,3}?down|refused)\b/iu.test(text))
    status = 'rejected';
  else if (
    /\b(?:being discussed|under discussion|(?:are|were|is) discussing|being considered|on the table|being negotiated|haggling|wrangling|negotiating|debating)\b/i.test(
      text,
    )
  )
    status = 'under_discussion';
  if (!status) return [];
  const to =
    /\b(?:back\s+to|to)\s+((?:the\s+)?(?:key\s+players|parties|[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}?))\s+(?:to\s+sign|for\s+(?:their\s+)?(?:approval|signature))/iu.exec(
      text,
    );
  const summary =
    /\b((?:several|two|three|a|the|new|revised)\s+)?(?:proposals?|draft[^,.;]*|peace plan|(?:new|revised) plan)[^,.;"”]*/i.exec(
      text,
    );
  return [
    {
      kind: 'proposal',
      start: s.start,
      end: s.end,
      quote: text,
      confidence: round(
        (status === 'under_discussion' ? 0.55 : 0.7) + (to ? 0.15 : 0) - (hedged(text) ? 0.2 : 0),
      ),
      source: attributedSource(text),
      summary: (summary?.[0] ?? p[0]).trim(),
      addressees: to ? to[1]!.replace(/^the\s+/i, '') : null,
      status,
    },
  ];
}

const AGREEMENT =
  /\b(?:cease-?fires?|truces?|cessation of hostilities|agreements?|deals?|accords?|peace plan|de-escalation (?:zones?|agreement)|(?:humanitarian\s+)?pause)\b/i;
const STATUS: [RegExp, AgreementStatusClaim['status']][] = [
  [
    /\b(?:collapsed|collapse|unravel+ed|broke down|broken down|in tatters|barely alive|fell apart|is over|has ended)\b/i,
    'collapsed',
  ],
  [
    /\b(?:(?:largely|broadly|mostly|generally|still)\s+)?(?<!\bhad\s)(?:holding|held|respected|observed)\b(?!\s+(?:talks|a\s+meeting|meetings|by|in\b))/i,
    'holding',
  ],
  [
    /\b(?:c[ao]me?s? into (?:force|effect)|took effect|takes effect|kick(?:s|ed)? in|went into effect|began at|started at|(?:is|was) in (?:force|effect)|entered into force|t(?:ook|akes) hold)\b/i,
    'in_force',
  ],
  [
    /\b(?:agreed|reached|struck|clinched|sealed)\b[^.;]{0,60}?\b(?:cease-?fire|truce|deal|agreement|plan|accord|cessation)/iu,
    'agreed',
  ],
  [
    /\b(?:violat(?:ed|ing)|breach(?:ed|ing)|broke|broken)\s+(?:the\s+|a\s+|its\s+)?(?:[\p{L}-]+\s+){0,3}?(?:cease-?fire|truce|cessation of hostilities|agreement|deal)\b/iu,
    'violated',
  ],
  [
    /\b(?:announced|declared|proclaimed)\s+(?:a\s+|an\s+|the\s+)?(?:[\p{L}-]+\s+){0,3}(?:cease-?fires?|truces?|deal|agreement|cessation|calm|pause)\b/iu,
    'announced',
  ],
];

export function agreementStatusClaims(ctx: SentenceContext): AgreementStatusClaim[] {
  const s = ctx.sentence;
  const text = s.text;
  const a =
    AGREEMENT.exec(text) ??
    (/\b(?:violat|breach)\w*\s+it\b/i.test(text) && ctx.previous
      ? AGREEMENT.exec(ctx.previous)
      : null);
  if (!a || hedged(text) || feared(text)) return [];
  const future = /\b(?:would|will|should|aims? to|if)\b/i.test(text);
  for (const [re, status] of STATUS) {
    if (!re.test(text)) continue;
    // "announced a truce that will take effect on Monday": the announcement is news already.
    if (future && status !== 'announced') return [];
    if (status === 'holding' && /\bheld\b/i.test(text) && !TRUCE.test(text)) continue;
    // "broke the truce 23 times" is a violation count, not news about the agreement.
    if (status === 'violated' && violationCountClaims(ctx).length > 0) continue;
    return [
      {
        kind: 'agreement_status',
        start: s.start,
        end: s.end,
        quote: text,
        confidence: round(0.6 + (TRUCE.test(text) ? 0.15 : 0)),
        source: attributedSource(text),
        status,
        agreement: a[0],
        period: resolveDay(text, ctx.published),
      },
    ];
  }
  void mainPlace;
  return [];
}
