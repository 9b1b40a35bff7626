// Hash routing: #/map (home), #/desk, #/entry, #/proposals, #/editor, #/reports, with optional query parameters
// (#/map?at=ISO) that a screen may read once and keep current with replaceState (no extra history
// entries). Which role sees which screen is declared here once; the server refuses anyway.
import { useEffect, useState } from 'react';
import type { Role, User } from './types.ts';

export type Screen = 'map' | 'desk' | 'entry' | 'proposals' | 'editor' | 'reports';

export interface ScreenInfo {
  id: Screen;
  label: string;
  /** The roles that see it in the header and may open it. */
  roles: readonly Role[];
}

const STAFF: readonly Role[] = ['admin', 'mediator', 'analyst', 'monitor'];

/** In header order. Mirrors the server's role sets (src/server/access.ts). */
export const SCREENS: readonly ScreenInfo[] = [
  {
    id: 'map',
    label: 'Map',
    roles: [...STAFF, 'liaison', 'public'],
  },
  { id: 'desk', label: 'Violation desk', roles: ['analyst', 'monitor'] },
  { id: 'entry', label: 'Incident entry', roles: ['monitor', 'analyst'] },
  { id: 'proposals', label: 'Agreements & proposals', roles: [...STAFF, 'liaison'] },
  { id: 'editor', label: 'Zone editor', roles: ['mediator'] },
  { id: 'reports', label: 'Reports', roles: STAFF },
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
