// The source registry: adding and changing sources (a new grade re-assesses every incident the
// source reported) and importing a registry file. What is shown of a source and of a report next
// to its source is src/domain/source-output.ts.
import { AppError } from '../domain/errors.ts';
import { sourceIdFor, type Source } from '../domain/report.ts';
import type { Actor } from '../domain/roles.ts';
import type { SourceInput } from '../domain/schemas.ts';
import { sourceNameKey } from '../store/intake-queries.ts';
import type { Store } from '../store/store.ts';
import type { AppContext } from './context.ts';
import { audit, event, publish } from './journal.ts';
import { graded, SourceResolver } from './reports.ts';
import { sourceToJson } from '../domain/source-output.ts';
import { assess } from '../domain/report.ts';

/** Recomputes the combined figures of incidents after their reports or their sources changed. */
export async function reassess(tx: Store, incidentIds: readonly string[], now: number) {
  const resolver = await SourceResolver.load(tx, now);
  const reports = await tx.listReports(incidentIds);
  for (const id of incidentIds) {
    const mine = reports.filter((r) => r.incidentId === id);
    await tx.setAssessment(id, assess(mine.map((r) => graded(r, resolver.source(r.sourceId)))));
  }
}

async function writeSource(
  tx: Store,
  actor: Actor,
  input: SourceInput,
  now: number,
): Promise<{ source: Source; status: 'added' | 'changed' | 'unchanged' }> {
  const id = input.id ?? sourceIdFor(input.name);
  const old = await tx.getSource(id);
  const source: Source = {
    id,
    name: input.name,
    aliases: [...new Set(input.aliases)],
    kind: input.kind,
    reliability: input.reliability,
    affiliation: input.affiliation ?? null,
    notes: input.notes ?? null,
    auto: false,
    createdAt: old?.createdAt ?? now,
  };
  const owners = await tx.resolveSourceNames([source.name, ...source.aliases].map(sourceNameKey));
  for (const [key, owner] of owners)
    if (owner !== id)
      throw new AppError(
        'conflict',
        `"${key}" already names source ${owner}; a name or alias belongs to one source`,
        'aliases',
      );
  const same = old && JSON.stringify(sourceToJson(old)) === JSON.stringify(sourceToJson(source));
  if (same) return { source, status: 'unchanged' };
  await tx.putSource(source);
  await audit(tx, actor, now, [
    {
      action: old ? 'source.update' : 'source.create',
      entity: 'source',
      entityId: id,
      before: old ? sourceToJson(old) : null,
      after: sourceToJson(source),
    },
  ]);
  await publish(tx, now, [
    event(old ? 'source.updated' : 'source.created', 'staff', { source_id: id }),
  ]);
  if (old && (old.reliability !== source.reliability || old.affiliation !== source.affiliation))
    await reassess(tx, await tx.incidentIdsWithSource(id), now);
  return { source, status: old ? 'changed' : 'added' };
}

export async function putSource(ctx: AppContext, actor: Actor, input: SourceInput) {
  return ctx.store.transaction((tx) => writeSource(tx, actor, input, ctx.config.now()));
}

/** Imports a registry file: new sources added, changed ones updated, all in one transaction. */
export async function importSources(ctx: AppContext, actor: Actor, inputs: readonly SourceInput[]) {
  return ctx.store.transaction(async (tx) => {
    const summary = { added: 0, changed: 0, unchanged: 0 };
    for (const input of inputs)
      summary[(await writeSource(tx, actor, input, ctx.config.now())).status]++;
    return summary;
  });
}
