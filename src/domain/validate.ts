// Turns a schema failure into one AppError that names the field and says what is wrong.
import type { z } from 'zod';
import { AppError, type ErrorDetail } from './errors.ts';
import { findInputProblem } from './input-safety.ts';

/** `['versions', 0, 'zones', 'features', 2, 'geometry']` → `versions[0].zones.features[2].geometry` */
export function fieldPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix = '',
): z.output<S> {
  // One rule for every input, before its schema: well-formed Unicode in every string and key, and
  // no nesting deeper than MAX_JSON_DEPTH (src/domain/input-safety.ts).
  const problem = findInputProblem(value);
  if (problem) {
    const field = fieldPath(problem.path, prefix) || '(body)';
    throw new AppError('validation_failed', `${field}: ${problem.message}`, field);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: ErrorDetail[] = result.error.issues.slice(0, 50).map((i) => ({
    field: fieldPath(i.path, prefix) || '(body)',
    message: i.message,
  }));
  const first = result.error.issues[0];
  const head = details[0] ?? { field: '(body)', message: 'invalid input' };
  const isGeometry =
    first?.code === 'custom' &&
    (first as { params?: { code?: string } }).params?.code === 'invalid_geometry';
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem(s))` : '';
  throw new AppError(
    isGeometry ? 'invalid_geometry' : 'validation_failed',
    `${head.field}: ${head.message}${more}`,
    head.field,
    details,
  );
}
