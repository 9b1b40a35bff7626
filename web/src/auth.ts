// The signed-in user: read once from /auth/me (the session cookie is HttpOnly, so the server is
// the only one who knows), set by sign-in, cleared by sign-out or by any 401.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, setUnauthenticatedHandler } from './api.ts';
import type { User } from './types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; user: User };

export interface Session {
  state: SessionState;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  changePassword: (current: string, next: string) => Promise<void>;
}

export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    setUnauthenticatedHandler(() =>
      setState((s) =>
        s.status === 'signed-in'
          ? { status: 'signed-out', notice: 'Your session ended; sign in again.' }
          : s,
      ),
    );
    let cancelled = false;
    api
      .me()
      .then((user) => !cancelled && setState({ status: 'signed-in', user }))
      .catch(() => !cancelled && setState({ status: 'signed-out' }));
    return () => {
      cancelled = true;
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const { user } = await api.login(username, password);
    setState({ status: 'signed-in', user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    setState({ status: 'signed-out' });
  }, []);

  const changePassword = useCallback(async (current: string, next: string) => {
    await api.changePassword(current, next);
    setState({ status: 'signed-in', user: await api.me() });
  }, []);

  return { state, signIn, signOut, changePassword };
}
