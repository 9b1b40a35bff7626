// Command-line flags are outside input too: each command validates its flags with a schema.
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { findInputProblem } from '../domain/input-safety.ts';
import { violationFilterQuery } from '../domain/query-schemas.ts';

export const portFlag = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535 (0 picks a free port)')
  .max(65535, 'must be 0–65535 (0 picks a free port)');

export const violationFlags = violationFilterQuery;

/** Like parseInput, but names the flag (`--certainty`) rather than a body field. */
export function parseFlags<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const problem = findInputProblem(value);
  if (problem) {
    const flag = problem.path.length > 0 ? `--${String(problem.path[0])}` : 'flags';
    throw new AppError('validation_failed', `${flag}: ${problem.message}`, flag);
  }
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const flag = issue.path.length > 0 ? `--${String(issue.path[0])}` : 'flags';
  throw new AppError('validation_failed', `${flag}: ${issue.message}`, flag);
}
