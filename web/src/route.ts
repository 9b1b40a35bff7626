// Hash routing: #/map (home), #/desk, #/entry, #/proposals, #/editor, #/reports, with optional query parameters
// (#/map?at=ISO) that a screen may read once and keep current with replaceState (no extra history
// entries). Which role sees which screen is the access policy's (src/domain/access.ts, SCREEN_ROLES);
// the server refuses anyway.
import { useEffect, useState } from 'react';
import { SCREEN_ROLES, type Screen } from '../../src/domain/access.ts';
import type { Role, User } from './types.ts';

export type { Screen };

export interface ScreenInfo {
  id: Screen;
  label: string;
  /** The roles that see it in the header and may open it. */
  roles: readonly Role[];
}

/** In header order. */
export const SCREENS: readonly ScreenInfo[] = [
  { id: 'map', label: 'Map', roles: SCREEN_ROLES.map },
  { id: 'desk', label: 'Violation desk', roles: SCREEN_ROLES.desk },
  { id: 'entry', label: 'Incident entry', roles: SCREEN_ROLES.entry },
  { id: 'proposals', label: 'Agreements & proposals', roles: SCREEN_ROLES.proposals },
  { id: 'editor', label: 'Zone editor', roles: SCREEN_ROLES.editor },
  { id: 'reports', label: 'Reports', roles: SCREEN_ROLES.reports },
];

export const canOpen = (user: User, screen: Screen): boolean =>
  SCREENS.find((s) => s.id === screen)!.roles.includes(user.role);

export interface Route {
  screen: Screen;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = body.split('?');
  const screen = SCREENS.find((s) => s.id === path)?.id ?? 'map';
  return { screen, params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Rewrites the current hash's query without a navigation or a history entry. */
export function replaceHashParams(screen: Screen, params: Record<string, string>): void {
  const query = new URLSearchParams(params).toString();
  const hash = `#/${screen}${query ? `?${query}` : ''}`;
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

/** Opens a screen (a new history entry). */
export function navigate(screen: Screen, params: Record<string, string> = {}): void {
  const query = new URLSearchParams(params).toString();
  window.location.hash = `#/${screen}${query ? `?${query}` : ''}`;
}
