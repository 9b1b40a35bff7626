// The shell: sign-in (and the forced password change), the header, and the hash-routed screens.
// A screen the role may not open is not in the header, and its address shows the map instead.
import { useSession } from './auth.ts';
import { DeskScreen } from './desk/DeskScreen.tsx';
import { EditorScreen } from './editor/EditorScreen.tsx';
import { EntryScreen } from './entry/EntryScreen.tsx';
import { MapScreen } from './map/MapScreen.tsx';
import { ProposalsScreen } from './proposals/ProposalsScreen.tsx';
import { ReportsScreen } from './reports/ReportsScreen.tsx';
import { canOpen, SCREENS, useRoute, type Screen } from './route.ts';
import { ChangePassword, SignIn } from './SignIn.tsx';
import type { User } from './types.ts';

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

  if (state.status === 'loading')
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
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
    </div>
  );
}
