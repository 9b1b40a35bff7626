// `truceline articles list|show|accept|reject`: the news review queue. A claim counts only once a
// person accepts it — as an incident, a report on an incident, or a note on an agreement.
import type { Command } from 'commander';
import { z } from 'zod';
import {
  acceptClaim,
  getArticle,
  listArticles,
  rejectClaim,
  type AcceptResult,
} from '../../app/news-review.ts';
import {
  acceptResultToJson,
  articleSummaryToJson,
  articleToJson,
  claimToJson,
  extractionOf,
} from '../../domain/news-review-output.ts';
import {
  acceptClaimSchema,
  CLAIM_OUTCOMES,
  rejectClaimSchema,
  type ArticleClaim,
} from '../../domain/news-review.ts';
import { AppError } from '../../domain/errors.ts';
import { parseInput } from '../../domain/validate.ts';
import { formatArticleText } from '../../ingest/news/format-article-text.ts';
import { cliActor, withContext } from '../context.ts';
import { parseFlags } from '../flags.ts';

const DB_HELP = 'SQLite database file (default: $TRUCELINE_DB or ./truceline.db)';
const out = (s: string): void => void process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const json = (v: unknown): void => out(JSON.stringify(v, null, 2));

const idxArg = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more (as shown by articles show: #0, #1, …)');

/** The IDX argument: a claim's position, as `articles show` numbers it. */
function claimIdx(idx: string): number {
  const r = idxArg.safeParse(idx);
  if (!r.success) throw new AppError('validation_failed', `IDX: ${r.error.issues[0]?.message}`, 'IDX'); // prettier-ignore
  return r.data;
}

/** `accepted → incident 0191…`, `rejected: not our area`, `pending`. */
function stateText(c: ArticleClaim): string {
  if (c.status === 'pending') return 'pending';
  if (c.status === 'rejected') return `rejected by ${c.decidedBy}: ${c.decisionNote ?? ''}`;
  return `accepted by ${c.decidedBy} → ${c.outcomeKind?.replace('_', ' ')} ${c.outcomeId}`;
}

function acceptedText(articleId: string, r: AcceptResult): string {
  const head = `claim #${r.claim.idx} of article ${articleId} accepted`;
  if (r.note) return `${head} → agreement note ${r.note.id} on ${r.note.agreementId}: ${r.note.body}`; // prettier-ignore
  if (r.claim.outcomeKind === 'report')
    return `${head} → report ${r.claim.outcomeId} on incident ${r.incident?.id}`;
  return `${head} → incident ${r.incident?.id} (${r.violations?.length ?? 0} violation(s))`;
}

const acceptFlags = z
  .object({
    as: z.enum(CLAIM_OUTCOMES, { message: `must be one of ${CLAIM_OUTCOMES.join(', ')}` }),
    'incident-id': z.string().optional(),
    agreement: z.string().optional(),
    text: z.string().optional(),
    note: z.string().optional(),
  })
  .check((ctx) => {
    const v = ctx.value;
    const need = (flag: 'incident-id' | 'agreement', when: string) =>
      v[flag] === undefined &&
      ctx.issues.push({ code: 'custom', input: v, path: [flag], message: `is needed with --as ${when}` }); // prettier-ignore
    if (v.as === 'report') need('incident-id', 'report');
    if (v.as === 'agreement_note') need('agreement', 'agreement_note');
  });

export function articlesCommand(program: Command): void {
  const articles = program
    .command('articles')
    .description('the news review queue: drafted articles and their claims');
  articles
    .command('list')
    .description('list drafted articles, newest first, with their claims pending/accepted/rejected')
    .option('--limit <n>', 'at most this many', '100')
    .option('--db <path>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (raw: { limit: string; db?: string; json?: boolean }) => {
      const { limit } = parseFlags(z.object({ limit: idxArg.min(1, 'must be 1 or more') }), raw);
      const { items, total } = await withContext(raw.db, (ctx) =>
        listArticles(ctx, { limit, offset: 0 }),
      );
      if (raw.json) return json({ items: items.map(articleSummaryToJson), total });
      for (const a of items)
        out(`${a.id}\t${a.published ?? '-'}\t${a.claims.pending} pending, ${a.claims.accepted} accepted, ${a.claims.rejected} rejected\t${a.title ?? '(no title)'}`); // prettier-ignore
      out(`${items.length} of ${total} article(s)`);
    });
  articles
    .command('show')
    .description('show an article with its claims and their review state')
    .argument('<id>', 'article id')
    .option('--db <path>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { db?: string; json?: boolean }) => {
      const { article, claims } = await withContext(opts.db, (ctx) => getArticle(ctx.store, id));
      if (opts.json) return json(articleToJson(article, claims));
      out(`article ${article.id}, drafted by ${article.createdBy} at ${new Date(article.createdAt).toISOString()}`); // prettier-ignore
      if (article.publisher) out(`Publisher: ${article.publisher}`);
      if (article.reference) out(`Reference: ${article.reference}`);
      out(formatArticleText(extractionOf(article, claims), { claimState: (i) => stateText(claims[i]!) })); // prettier-ignore
    });
  articles
    .command('accept')
    .description(
      'accept a pending claim as an incident, a report on an incident, or an agreement note',
    ) // prettier-ignore
    .argument('<id>', 'article id')
    .argument('<idx>', 'claim number, as shown by articles show (#0, #1, …)')
    .requiredOption('--as <outcome>', `what it becomes: ${CLAIM_OUTCOMES.join(', ')}`)
    .option('--incident-id <id>', 'with --as report: the incident (id or external id)')
    .option('--agreement <id>', 'with --as agreement_note: the agreement')
    .option('--text <text>', 'with --as agreement_note: the note (default: a summary of the claim)')
    .option('--note <text>', 'why it was accepted')
    .option('--db <path>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, idx: string, raw: Record<string, unknown>) => {
      const n = claimIdx(idx);
      const f = parseFlags(acceptFlags, { ...raw, 'incident-id': raw.incidentId });
      const body = parseInput(acceptClaimSchema, {
        as: f.as,
        note: f.note,
        ...(f.as === 'report' && { incident_id: f['incident-id'] }),
        ...(f.as === 'agreement_note' && { agreement_id: f.agreement, text: f.text }),
      });
      const r = await withContext(raw.db as string | undefined, (ctx) =>
        acceptClaim(ctx, cliActor(), id, n, body),
      );
      if (raw.json) json(acceptResultToJson(r));
      else out(acceptedText(id, r));
    });
  articles
    .command('reject')
    .description('reject a pending claim, saying why')
    .argument('<id>', 'article id')
    .argument('<idx>', 'claim number, as shown by articles show (#0, #1, …)')
    .requiredOption('--note <text>', 'why it is rejected')
    .option('--db <path>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, idx: string, raw: { note: string; db?: string; json?: boolean }) => {
      const n = claimIdx(idx);
      const input = parseFlags(rejectClaimSchema, { note: raw.note });
      const claim = await withContext(raw.db, (ctx) => rejectClaim(ctx, cliActor(), id, n, input));
      if (raw.json) json(claimToJson(claim));
      else out(`claim #${claim.idx} of article ${id} rejected: ${claim.decisionNote}`);
    });
}
