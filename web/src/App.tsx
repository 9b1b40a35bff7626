// The shell: sign-in (and the forced password change), the header, and the hash-routed screens.
// A screen the role may not open is not in the header, and its address shows the map instead.
import { lazy, Suspense } from 'react';
import { useSession } from './auth.ts';
import { MapScreen } from './map/MapScreen.tsx';
import { canOpen, SCREENS, useRoute, type Screen } from './route.ts';
import { ChangePassword, SignIn } from './SignIn.tsx';
import type { User } from './types.ts';

// The map is the home screen and comes in the first bundle; every other screen (and what only it
// uses: terra-draw for the editor, the report viewer…) loads when it is first opened.
const DeskScreen = lazy(async () => ({
  default: (await import('./desk/DeskScreen.tsx')).DeskScreen,
}));
const EditorScreen = lazy(async () => ({
  default: (await import('./editor/EditorScreen.tsx')).EditorScreen,
}));
const EntryScreen = lazy(async () => ({
  default: (await import('./entry/EntryScreen.tsx')).EntryScreen,
}));
const ProposalsScreen = lazy(async () => ({
  default: (await import('./proposals/ProposalsScreen.tsx')).ProposalsScreen,
}));
const ReportsScreen = lazy(async () => ({
  default: (await import('./reports/ReportsScreen.tsx')).ReportsScreen,
}));

const loading = (
  <p className="loading" role="status">
    Loading…
  </p>
);

function Header(props: { user: User; screen: Screen; onSignOut: () => void }) {
  const { user, screen } = props;
  return (
    <header className="app-header">
      <a className="brand" href="#/map">
        Truceline
      </a>
      <nav aria-label="Screens">
        {SCREENS.filter((s) => canOpen(user, s.id)).map((s) => (
          <a
            key={s.id}
            href={`#/${s.id}`}
            data-testid={`nav-${s.id}`}
            aria-current={screen === s.id ? 'page' : undefined}
          >
            {s.label}
          </a>
        ))}
      </nav>
      <span className="whoami" data-testid="whoami">
        <span className="username">{user.username}</span>{' '}
        <span className="role-badge">
          {user.role}
          {user.party_id ? ` · ${user.party_id}` : ''}
        </span>
      </span>
      <button type="button" className="secondary" data-testid="sign-out" onClick={props.onSignOut}>
        Sign out
      </button>
    </header>
  );
}

export function App() {
  const session = useSession();
  const route = useRoute();
  const { state } = session;

  if (state.status === 'loading') return loading;
  if (state.status === 'signed-out')
    return <SignIn notice={state.notice} onSignIn={session.signIn} />;
  const { user } = state;
  const signOut = () => void session.signOut();
  if (user.must_change_password)
    return <ChangePassword user={user} onChange={session.changePassword} onSignOut={signOut} />;

  const screen: Screen = canOpen(user, route.screen) ? route.screen : 'map';
  return (
    <div className="app">
      <Header user={user} screen={screen} onSignOut={signOut} />
      <Suspense fallback={loading}>
        {screen === 'proposals' ? (
          <ProposalsScreen user={user} params={route.params} />
        ) : screen === 'desk' ? (
          <DeskScreen user={user} />
        ) : screen === 'entry' ? (
          <EntryScreen user={user} params={route.params} />
        ) : screen === 'reports' ? (
          <ReportsScreen params={route.params} />
        ) : screen === 'editor' ? (
          <EditorScreen user={user} params={route.params} />
        ) : (
          <MapScreen user={user} params={route.params} />
        )}
      </Suspense>
    </div>
  );
}
