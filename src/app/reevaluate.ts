// Re-evaluation when a version is recorded: every incident that could touch the agreement's zones
// (its place within reach of their boxes, its time within reach of their windows) is matched
// again, and the stored violations of that agreement are made equal to the result.
import { degreesForMetres } from '../geo/distance.ts';
import { ViolationEngine } from '../engine/violation-engine.ts';
import type { ViolationRecord } from '../domain/types.ts';
import type { Store, SyncResult } from '../store/store.ts';
import { engineInputOf, matchIncidents } from './context.ts';
import type { Actor } from '../domain/roles.ts';
import { audit, event, publish } from './journal.ts';

const PAGE = 5000;

export async function reevaluateAgreement(
  tx: Store,
  agreementId: string,
  now: number,
  actor: Actor,
  why: { because: string },
): Promise<SyncResult> {
  const versions = await tx.listVersions(agreementId);
  const engine = ViolationEngine.compile(versions.map(engineInputOf));
  const zones = versions.flatMap((v) => v.zones.filter((z) => z.kind !== 'excluded_area'));
  const rows: ViolationRecord[] = [];
  if (zones.length > 0) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const z of zones) {
      x0 = Math.min(x0, z.bbox[0]);
      y0 = Math.min(y0, z.bbox[1]);
      x1 = Math.max(x1, z.bbox[2]);
      y1 = Math.max(y1, z.bbox[3]);
    }
    const reach = await tx.maxUncertaintyM();
    const { dLon, dLat } = degreesForMetres(Math.max(Math.abs(y0), Math.abs(y1)), reach);
    const from = Math.min(...versions.map((v) => v.validFrom));
    const open = versions.some((v) => v.validUntil === null);
    const until = open ? undefined : Math.max(...versions.map((v) => v.validUntil ?? 0));
    const scan = tx.scanIncidents(
      {
        bbox: [x0 - dLon, y0 - dLat, x1 + dLon, y1 + dLat],
        from,
        ...(until !== undefined && { until }),
      },
      PAGE,
    );
    for await (const page of scan) for (const r of matchIncidents(engine, page)) rows.push(r);
  }
  const result = await tx.syncViolations({ agreementId }, rows, now, why.because);
  // Violation rows are derived and can be recomputed from the audited inputs; the log keeps the
  // counts, and every reviewed decision that changes state (superseded, restored) is named by them.
  await audit(tx, actor, now, [
    {
      action: 'violations.reevaluate',
      entity: 'agreement',
      entityId: agreementId,
      after: { because: why.because, ...result },
    },
  ]);
  await publish(tx, now, [
    event('violations.reevaluated', 'staff', { agreement_id: agreementId, ...result }),
  ]);
  return result;
}
