// Loads what an edit starts from — the zones of the agreement's base version, of an open
// proposal, or none — into the list and onto the map, once both the agreement's data and the
// drawing are ready; outlines the map cannot take are kept as they are, not editable.
import { useEffect, useRef, useState, type Dispatch } from 'react';
import { api, errorMessage } from '../api.ts';
import type { Start } from './StartChooser.tsx';
import type { AgreementData } from './useAgreementData.ts';
import type { DrawApi } from './useDraw.ts';
import { zonesFromProposal, zonesFromVersion, type EditorZone, type ZoneAction } from './zones.ts';

export interface Loaded {
  start: Start;
  /** When it was loaded: a new value resets the proposal form. */
  at: number;
  /** The terms of what was loaded, to prefill the proposal's. */
  terms: string;
}

export function useLoadStart(
  start: Start | null,
  data: AgreementData | null,
  draw: DrawApi,
  dispatch: Dispatch<ZoneAction>,
  onLoaded: (zones: EditorZone[]) => void,
): { loaded: Loaded | null; error: string | null } {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ draw, onLoaded });
  latest.current = { draw, onLoaded };

  useEffect(() => {
    if (!start || !data || data.agreementId !== start.agreementId || !draw.ready) return;
    if (loaded?.start === start) return;
    let alive = true;
    (async () => {
      let zones: EditorZone[] = [];
      let terms = data.base?.terms ?? '';
      if (start.from === 'base' && data.base) zones = zonesFromVersion(data.base.zones.features);
      else if (start.from.startsWith('proposal:')) {
        const p = await api.proposal(start.from.slice('proposal:'.length));
        zones = zonesFromProposal(p.content.zones.features);
        terms = p.content.terms ?? '';
      }
      if (!alive) return;
      const fixed = new Set(latest.current.draw.load(zones));
      zones = zones.map((z) => (fixed.has(z.key) ? { ...z, editable: false } : z));
      dispatch({ type: 'load', zones });
      setError(null);
      setLoaded({ start, at: Date.now(), terms });
      latest.current.onLoaded(zones);
    })().catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [start, data, draw.ready]);

  return { loaded, error };
}
