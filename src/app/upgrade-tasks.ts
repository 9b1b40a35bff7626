// Opening a database, and the work an upgrade owes to data already stored. A migration queues a task (store/migrations.ts);
// the first command or server to open the database afterwards does it, in one transaction that
// also ticks the task off, so an interrupted upgrade is simply done again at the next open.
// Today's only task: re-evaluate every agreement's violations under the effective-window rule
// (domain/version-in-force.ts), each change journalled like any re-evaluation.
import { SYSTEM_ACTOR } from '../domain/roles.ts';
import type { SyncResult } from '../store/store.ts';
import { REEVALUATE_EFFECTIVE_WINDOWS } from '../store/migrations.ts';
import { openStore } from '../store/open-store.ts';
import { AppContext, DEFAULT_CONFIG, type AppConfig } from './context.ts';
import { reevaluateAgreement } from './reevaluate.ts';

export interface UpgradeTaskResult {
  task: string;
  reason: string;
  agreements: number;
  /** Violation rows the recomputation added, changed, removed, superseded or restored. */
  changes: SyncResult;
}

/** Does every pending upgrade task; returns what each changed (empty when none was pending). */
export async function runUpgradeTasks(ctx: AppContext): Promise<UpgradeTaskResult[]> {
  const done: UpgradeTaskResult[] = [];
  for (const task of await ctx.store.pendingUpgradeTasks()) {
    if (task.name !== REEVALUATE_EFFECTIVE_WINDOWS)
      throw new Error(
        `this database asks for upgrade task "${task.name}", which this version of Truceline does not know: run a newer version`,
      );
    const result = await ctx.store.transaction(async (tx) => {
      const changes: SyncResult = { added: 0, changed: 0, removed: 0, superseded: 0, restored: 0 };
      const agreements = await tx.listAgreements();
      const now = ctx.config.now();
      for (const a of agreements) {
        const r = await reevaluateAgreement(tx, a.id, now, SYSTEM_ACTOR, { because: task.reason });
        for (const k of Object.keys(changes) as (keyof SyncResult)[]) changes[k] += r[k];
      }
      await tx.completeUpgradeTask(task.name);
      return { task: task.name, reason: task.reason, agreements: agreements.length, changes };
    });
    done.push(result);
  }
  return done;
}

/** One line per task for the operator ("" when nothing was pending). */
export function describeUpgrades(results: readonly UpgradeTaskResult[]): string {
  return results
    .map((r) => {
      const c = r.changes;
      return `upgrade: ${r.reason} — ${r.agreements} agreement(s) re-evaluated: ${c.added} violation(s) added, ${c.changed} changed, ${c.removed} removed, ${c.superseded} reviewed one(s) superseded, ${c.restored} restored\n`;
    })
    .join('');
}

/**
 * Opens the database at `location` (migrating it) and does the upgrade tasks it owes, telling
 * `report` what they changed: every command, the server and the tests open the store this way.
 */
export async function openAppContext(
  location: string,
  config: AppConfig = DEFAULT_CONFIG,
  report: (text: string) => void = () => {},
): Promise<AppContext> {
  const ctx = new AppContext(await openStore(location), config);
  try {
    const text = describeUpgrades(await runUpgradeTasks(ctx));
    if (text) report(text);
  } catch (e) {
    await ctx.close();
    throw e;
  }
  return ctx;
}
