// What the editor needs of one agreement: its recorded versions (with zones), the version a new
// proposal is compared with — the one in force now, else the latest, as the server's diff does —
// and its proposals (the open ones can be superseded or started from).
import { useEffect, useState } from 'react';
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
  const bySeq = [...versions].sort((a, b) => b.seq - a.seq);
  const inForce = bySeq.find(
    (v) =>
      Date.parse(v.valid_from) <= now &&
      (v.valid_until === null || now < Date.parse(v.valid_until)),
  );
  return inForce ? { base: inForce, inForce: true } : { base: bySeq[0] ?? null, inForce: false };
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
