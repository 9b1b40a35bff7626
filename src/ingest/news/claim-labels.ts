// The label files news extraction is measured against (docs/extraction.md, "Label files"): one
// zod schema per claim kind, the sentences to ignore, and the article-level expectations.
import { z } from 'zod';
import { EVENT_TYPES } from '../../domain/event-types.ts';
import { CLAIM_KINDS, type ClaimKind } from '../../domain/news-extraction.ts';

const day = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
const fragment = z.string().trim().min(1, 'must not be empty').max(200);
const name = z.string().trim().min(1, 'must not be empty').max(200);
const note = z.string().max(1000).optional();

const periodLabel = z
  .strictObject({ from: day, until: day })
  .refine((p) => p.from < p.until, 'a period is [from, until): from must be before until');

/** `quote_includes`: a short exact piece of the sentence the claim must come from. */
const labelBase = { quote_includes: fragment, note };

const casualtiesLabel = z.strictObject({
  kind: z.literal('casualties'),
  ...labelBase,
  measure: z.enum(['killed', 'injured']).optional(),
  /** count.best, or count.low when best is null. */
  count: z.number().int().nonnegative().optional(),
  place: name.optional(),
  period: periodLabel.optional(),
  source: name.optional(),
});

const incidentLabel = z.strictObject({
  kind: z.literal('incident'),
  ...labelBase,
  event_type: z.enum(EVENT_TYPES).optional(),
  place: name.optional(),
  period: periodLabel.optional(),
  source: name.optional(),
});

const truceExtensionLabel = z.strictObject({
  kind: z.literal('truce_extension'),
  ...labelBase,
  duration_hours: z.number().positive().optional(),
  new_end: day.optional(),
  /** Any one of the claim's places[]. */
  place: name.optional(),
  announced_by: name.optional(),
});

const truceExclusionLabel = z.strictObject({
  kind: z.literal('truce_exclusion'),
  ...labelBase,
  place: name.optional(),
  group: name.optional(),
});

const violationCountLabel = z.strictObject({
  kind: z.literal('violation_count'),
  ...labelBase,
  count: z.number().int().nonnegative().optional(),
  period: periodLabel.optional(),
  /** Each one must be in the claim's by_area with the same count; the claim may list more. */
  by_area: z
    .array(z.strictObject({ area: name, count: z.number().int().nonnegative() }))
    .optional(),
});

const proposalLabel = z.strictObject({
  kind: z.literal('proposal'),
  ...labelBase,
  status: z.enum(['under_discussion', 'sent_for_signoff', 'accepted', 'rejected']).optional(),
});

const agreementStatusLabel = z.strictObject({
  kind: z.literal('agreement_status'),
  ...labelBase,
  status: z
    .enum(['agreed', 'in_force', 'holding', 'violated', 'collapsed', 'announced'])
    .optional(),
  period: periodLabel.optional(),
});

export const claimLabelSchema = z.discriminatedUnion('kind', [
  casualtiesLabel,
  incidentLabel,
  truceExtensionLabel,
  truceExclusionLabel,
  violationCountLabel,
  proposalLabel,
  agreementStatusLabel,
]);
export type ClaimLabel = z.infer<typeof claimLabelSchema>;

// Every claim kind has a label kind (a compile error here means a kind was added to src/domain/news-extraction.ts).
type MissingLabelKind = Exclude<ClaimKind, ClaimLabel['kind']>;
const _everyKindLabelled: [MissingLabelKind] extends [never] ? true : never = true;
void _everyKindLabelled;

/**
 * A sentence where a claim would be acceptable but is not required: a predicted claim that matches
 * no label, comes from a sentence containing `quote_includes` (and is of `kind`, when given) counts
 * neither as right nor as wrong.
 */
export const ignoreLabelSchema = z.strictObject({
  quote_includes: fragment,
  kind: z.enum(CLAIM_KINDS).optional(),
  note,
});
export type IgnoreLabel = z.infer<typeof ignoreLabelSchema>;

/** One label file: test/fixtures/news/NAME.expected.json or test/fixtures/news/corpus-labels/*.json. */
export const articleLabelsSchema = z.strictObject({
  /** Omit a field to leave it unchecked; null means the extractor must find none. */
  published: day.nullable().optional(),
  title: z.string().trim().min(1).nullable().optional(),
  agency: z.string().trim().min(1).nullable().optional(),
  places: z.array(name).default([]),
  people: z.array(name).default([]),
  organizations: z.array(name).default([]),
  claims: z.array(claimLabelSchema),
  ignore: z.array(ignoreLabelSchema).default([]),
  /** Page furniture that must not survive into `text`. */
  not_in_text: z.array(z.string().min(1)).default([]),
  note,
});
export type ArticleLabels = z.infer<typeof articleLabelsSchema>;
