// Hash routing: #/map (home) and #/desk, with optional query parameters (#/map?at=ISO) that a
// screen may read once and keep current with replaceState (no extra history entries).
import { useEffect, useState } from 'react';

export type Screen = 'map' | 'desk';

export interface Route {
  screen: Screen;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = body.split('?');
  const screen: Screen = path === 'desk' ? 'desk' : 'map';
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
