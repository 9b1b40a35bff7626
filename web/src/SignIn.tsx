// The sign-in screen, and the password change that a one-time password forces before anything else.
import { useState, type FormEvent } from 'react';
import { errorMessage } from './api.ts';
import type { User } from './types.ts';

export function SignIn(props: {
  notice?: string | undefined;
  onSignIn: (username: string, password: string) => Promise<void>;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await props.onSignIn(username.trim(), password);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="auth-screen">
      <form className="auth-card" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <h1 id="signin-title">Truceline</h1>
        <p className="muted">Ceasefire monitoring — sign in to the cell.</p>
        {props.notice && <p className="notice">{props.notice}</p>}
        <label htmlFor="login-username">User name</label>
        <input
          id="login-username"
          data-testid="login-username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          data-testid="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" data-testid="login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

export function ChangePassword(props: {
  user: User;
  onChange: (current: string, next: string) => Promise<void>;
  onSignOut: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return setError('The two new passwords differ.');
    if (next.length < 12) return setError('The new password needs at least 12 characters.');
    setBusy(true);
    setError(null);
    try {
      await props.onChange(current, next);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="auth-screen">
      <form
        className="auth-card"
        data-testid="change-password"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="pw-title"
      >
        <h1 id="pw-title">Choose a new password</h1>
        <p className="muted">
          {props.user.username} signed in with a one-time password. Choose your own (at least 12
          characters) to continue.
        </p>
        <label htmlFor="pw-current">One-time password</label>
        <input
          id="pw-current"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <label htmlFor="pw-new">New password</label>
        <input
          id="pw-new"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <label htmlFor="pw-repeat">New password again</label>
        <input
          id="pw-repeat"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" disabled={busy}>
            Change password
          </button>
          <button type="button" className="secondary" onClick={props.onSignOut}>
            Sign out
          </button>
        </div>
      </form>
    </main>
  );
}
