// How the CLI ends: a clear message on stderr and an exit code scripts can rely on.
import { AppError } from '../domain/errors.ts';

/** 0 ok · 1 error, nothing changed · 2 bad command-line usage · 3 done, but some rows were rejected */
export const EXIT = { ok: 0, error: 1, usage: 2, partial: 3 } as const;

export function reportError(e: unknown): number {
  if (e instanceof AppError) {
    process.stderr.write(`error: ${e.message}\n`);
    for (const d of e.details?.slice(1, 10) ?? [])
      process.stderr.write(`  ${d.field}: ${d.message}\n`);
    return EXIT.error;
  }
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT.error;
}
