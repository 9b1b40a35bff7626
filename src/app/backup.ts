// Backups of the whole database and restoring one. A backup is a consistent copy taken while the
// server keeps writing (Store.backupTo), checked before it is handed over: it opens, its audit
// chain verifies, and its row counts are reported. A restore checks the copy the same way before
// it replaces the database file; nothing is replaced when a check fails.
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { AppError } from '../domain/errors.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import type { ChainCheck } from '../domain/audit-chain.ts';
import { verifyAuditChain } from './desk.ts';

export interface BackupCheck {
  /** Rows per table in the copy. */
  counts: Record<string, number>;
  audit: ChainCheck;
  bytes: number;
}

export type BackupStep = 'copying' | 'verifying' | 'replacing';

/** A temporary name beside `path`, so the final rename stays on one file system. */
const partial = (path: string) => `${path}.partial-${process.pid}`;

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${path}${suffix}`, { force: true });
}

/** Opens the database file at `path`, checks its audit chain and counts its rows. */
async function checkCopy(
  path: string,
  onStep: (step: BackupStep, done?: number, total?: number) => void,
): Promise<BackupCheck> {
  const store: Store = await openStore(path);
  try {
    const head = await store.auditHead();
    onStep('verifying', 0, head?.seq ?? 0);
    const audit = await verifyAuditChain(store, (n) => onStep('verifying', n, head?.seq ?? 0));
    return { counts: await store.tableCounts(), audit, bytes: statSync(path).size };
  } finally {
    await store.close();
  }
}

/**
 * Writes a verified backup of `store` to `out`. `out` must not exist unless `force`; it is written
 * under a temporary name and renamed only once the copy has verified.
 */
export async function backupDatabase(
  store: Store,
  out: string,
  opts: { force?: boolean; onStep?: (step: BackupStep, done?: number, total?: number) => void },
): Promise<BackupCheck> {
  const onStep = opts.onStep ?? (() => {});
  if (existsSync(out) && !opts.force)
    throw new AppError('conflict', `${out} exists; pass --force to replace it`, '--out');
  const tmp = partial(out);
  removeDatabaseFiles(tmp);
  try {
    onStep('copying');
    await store.backupTo(tmp);
    const check = await checkCopy(tmp, onStep);
    if (!check.audit.ok)
      throw new AppError(
        'conflict',
        `the copy's audit chain does not verify (entry #${check.audit.firstBreak?.seq}: ${check.audit.firstBreak?.reason}); the database itself needs \`truceline audit verify\``,
      );
    renameSync(tmp, out);
    return check;
  } finally {
    removeDatabaseFiles(tmp);
  }
}

/**
 * Replaces the database at `dbPath` with the backup `from`, once a copy of it opens (migrated to
 * this version) and its audit chain verifies. Refuses to replace a database that exists unless
 * `force`. The server must not be running on `dbPath`.
 */
export async function restoreDatabase(
  from: string,
  dbPath: string,
  opts: { force?: boolean; onStep?: (step: BackupStep, done?: number, total?: number) => void },
): Promise<BackupCheck> {
  const onStep = opts.onStep ?? (() => {});
  if (!existsSync(from)) throw new AppError('not_found', `${from} does not exist`, 'FILE');
  if (existsSync(dbPath) && !opts.force)
    throw new AppError(
      'conflict',
      `${dbPath} exists; stop the server and pass --force to replace it with the backup`,
      '--db',
    );
  const tmp = partial(dbPath);
  removeDatabaseFiles(tmp);
  try {
    onStep('copying');
    copyFileSync(from, tmp);
    const check = await checkCopy(tmp, onStep);
    if (!check.audit.ok)
      throw new AppError(
        'validation_failed',
        `the backup's audit chain does not verify (entry #${check.audit.firstBreak?.seq}: ${check.audit.firstBreak?.reason}); nothing was replaced`,
        'FILE',
      );
    onStep('replacing');
    removeDatabaseFiles(dbPath);
    renameSync(tmp, dbPath);
    return check;
  } finally {
    removeDatabaseFiles(tmp);
  }
}
