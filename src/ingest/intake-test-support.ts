// What the intake readers' tests share: opening a fixture of test/fixtures/intake/, collecting a
// reader's rows, and summarising them as `row:external id` or `row:rejected field`.
import { createReadStream } from 'node:fs';
import type { ImportRow } from './import-row.ts';

export const intakeFixture = (name: string) =>
  createReadStream(new URL(`../../test/fixtures/intake/${name}`, import.meta.url));

export async function collect(rows: AsyncIterable<ImportRow>): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

export function drafted(r: ImportRow | undefined) {
  if (!r || !('draft' in r)) throw new Error(`expected a draft, got ${JSON.stringify(r)}`);
  return r;
}

export const summary = (rows: ImportRow[]) =>
  rows.map((r) => ('error' in r ? `${r.row}:${r.error.field}` : `${r.row}:${r.draft.externalId}`));
