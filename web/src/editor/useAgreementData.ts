// What the editor needs of one agreement: its recorded versions (with zones), the version a new
// proposal is compared with — the one in force now, else the latest, as the server's diff does —
// and its proposals (the open ones can be superseded or started from).
import { useEffect, useState } from 'react';
import { versionInForce } from '../../../src/domain/version-in-force.ts';
import { api, errorMessage } from '../api.ts';
import type { ProposalSummary, VersionSummary, VersionWithZones } from '../types.ts';

export interface AgreementData {
  agreementId: string;
  versions: VersionWithZones[];
  /** The version a proposal is compared with; null when nothing is recorded yet. */
  base: VersionWithZones | null;
  baseInForce: boolean;
  proposals: ProposalSummary[];
}

export function baseVersion<V extends VersionSummary>(
  versions: readonly V[],
  now: number,
): { base: V | null; inForce: boolean } {
  // The server's own rule (src/domain/version-in-force.ts), over the versions as the API gives them.
  const inForce = versionInForce(
    versions.map((v) => ({
      version: v,
      agreementId: v.agreement_id,
      seq: v.seq,
      validFrom: Date.parse(v.valid_from),
      validUntil: v.valid_until === null ? null : Date.parse(v.valid_until),
    })),
    now,
  )?.version;
  const latest = [...versions].sort((a, b) => b.seq - a.seq)[0] ?? null;
  return inForce ? { base: inForce, inForce: true } : { base: latest, inForce: false };
}

export function useAgreementData(agreementId: string | null): {
  data: AgreementData | null;
  error: string | null;
} {
  const [state, setState] = useState<{ data: AgreementData | null; error: string | null }>({
    data: null,
    error: null,
  });
  useEffect(() => {
    setState({ data: null, error: null });
    if (!agreementId) return;
    let live = true;
    Promise.all([api.versions(agreementId), api.proposals({ agreement: agreementId })])
      .then(([v, p]) => {
        if (!live) return;
        const { base, inForce } = baseVersion(v.items, Date.now());
        setState({
          data: { agreementId, versions: v.items, base, baseInForce: inForce, proposals: p.items },
          error: null,
        });
      })
      .catch((e: unknown) => live && setState({ data: null, error: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [agreementId]);
  return state;
}
