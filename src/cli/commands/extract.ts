// `truceline extract FILE`: the places, people, organisations and claims of a news text, for a
// person (--format text) or a script (--format json); with --draft, also stored for review.
import type { Command } from 'commander';
import { z } from 'zod';
import { draftArticle, extractText } from '../../app/news-review.ts';
import { articleToJson } from '../../domain/news-review-output.ts';
import { AppError } from '../../domain/errors.ts';
import { ARTICLE_TEXT_MAX } from '../../domain/news-review.ts';
import { formatArticleText } from '../../ingest/news/format-article-text.ts';
import { cliActor, withContext } from '../context.ts';
import { parseFlags } from '../flags.ts';
import { readTextFile } from '../read-text-file.ts';

/** A news page is a few tens of kilobytes; anything near this is not one. */
export const ARTICLE_FILE_MAX = 5 * 1024 * 1024;

const STORED_ONLY = ['reference', 'publisher', 'db'] as const;

const extractFlags = z
  .object({
    published: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).optional(),
    format: z.enum(['json', 'text'], { message: 'must be json or text' }).default('text'),
    draft: z.boolean().optional(),
    reference: z.string().trim().min(1, 'must not be empty').max(2000).optional(),
    publisher: z.string().trim().min(1, 'must not be empty').max(300).optional(),
    db: z.string().optional(),
  })
  .check((ctx) => {
    if (ctx.value.draft) return;
    for (const flag of STORED_ONLY)
      if (ctx.value[flag] !== undefined)
        ctx.issues.push({
          code: 'custom',
          input: ctx.value[flag],
          path: [flag],
          message: 'is used only with --draft (which stores the article)',
        });
  });

export function extractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'read a news text: places (with coordinates), people, organisations and claims; --draft stores it for review',
    )
    .argument('<file>', 'the article as UTF-8 text (at most 5 MB)')
    .option('--published <date>', 'publication date YYYY-MM-DD (overrides the dateline)')
    .option('--format <format>', 'text (for a person) or json', 'text')
    .option('--draft', 'also store the article with its claims pending review')
    .option('--reference <url>', 'with --draft: the URL or reference of the article')
    .option('--publisher <name>', 'with --draft: the source that published it (BBC News)')
    .option(
      '--db <path>',
      'with --draft: SQLite database file (default: $TRUCELINE_DB or ./truceline.db)',
    ) // prettier-ignore
    .action(async (file: string, raw: Record<string, unknown>) => {
      const opts = parseFlags(extractFlags, raw);
      const text = await readTextFile(file, ARTICLE_FILE_MAX);
      if (text.trim() === '') throw new AppError('validation_failed', `${file} is empty`, 'FILE');
      if (text.length > ARTICLE_TEXT_MAX)
        throw new AppError(
          'payload_too_large',
          `${file} has ${text.length.toLocaleString('en-US')} characters; at most ${ARTICLE_TEXT_MAX.toLocaleString('en-US')} are read`,
          'FILE',
        );
      const extracted = await extractText(text, opts);
      if (!opts.draft) {
        process.stdout.write(
          opts.format === 'json'
            ? JSON.stringify(extracted, null, 2) + '\n'
            : formatArticleText(extracted),
        );
        return;
      }
      const input = { text, published: opts.published, reference: opts.reference, publisher: opts.publisher }; // prettier-ignore
      const { article, claims } = await withContext(opts.db, (ctx) =>
        draftArticle(ctx, cliActor(), input, extracted),
      );
      if (opts.format === 'json') {
        process.stdout.write(JSON.stringify(articleToJson(article, claims), null, 2) + '\n');
        return;
      }
      process.stdout.write(
        `${formatArticleText(extracted)}\narticle ${article.id}: ${claims.length} claim(s) await review (truceline articles show ${article.id})\n`,
      );
    });
}
