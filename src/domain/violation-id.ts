// A violation is identified by (incident, agreement, zone key). Its public id joins the three with
// `~`, which incident and agreement ids never contain; the zone key comes last and may contain it.
import type { ViolationKey } from './accountability-types.ts';

export function violationIdOf(k: ViolationKey): string {
  return `${k.incidentId}~${k.agreementId}~${k.zoneKey}`;
}

export function parseViolationId(id: string): ViolationKey | null {
  const a = id.indexOf('~');
  const b = a < 0 ? -1 : id.indexOf('~', a + 1);
  if (a <= 0 || b <= a + 1 || b === id.length - 1) return null;
  return { incidentId: id.slice(0, a), agreementId: id.slice(a + 1, b), zoneKey: id.slice(b + 1) };
}
