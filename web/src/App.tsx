// The shell: sign-in (and the forced password change), the header, and the hash-routed screens.
import { canUseDesk, useSession } from './auth.ts';
import { DeskScreen } from './desk/DeskScreen.tsx';
import { MapScreen } from './map/MapScreen.tsx';
import { ProposalsScreen } from './proposals/ProposalsScreen.tsx';
import { useRoute } from './route.ts';
import { ChangePassword, SignIn } from './SignIn.tsx';
import type { User } from './types.ts';

type AppScreen = 'map' | 'desk' | 'proposals';

/** `#/proposals` is read here (route.ts knows only the map and the desk). */
const onProposals = () => /^#\/?proposals(\?|$)/.test(window.location.hash);

function Header(props: { user: User; screen: AppScreen; onSignOut: () => void }) {
  const { user, screen } = props;
  return (
    <header className="app-header">
      <a className="brand" href="#/map">
        Truceline
      </a>
      <nav aria-label="Screens">
        <a href="#/map" data-testid="nav-map" aria-current={screen === 'map' ? 'page' : undefined}>
          Map
        </a>
        {canUseDesk(user) && (
          <a
            href="#/desk"
            data-testid="nav-desk"
            aria-current={screen === 'desk' ? 'page' : undefined}
          >
            Violation desk
          </a>
        )}
        <a
          href="#/proposals"
          data-testid="nav-proposals"
          aria-current={screen === 'proposals' ? 'page' : undefined}
        >
          Agreements &amp; proposals
        </a>
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

  // useRoute re-renders on every hash change, so the hash can be read directly here.
  const screen: AppScreen = onProposals()
    ? 'proposals'
    : route.screen === 'desk' && canUseDesk(user)
      ? 'desk'
      : 'map';
  return (
    <div className="app">
      <Header user={user} screen={screen} onSignOut={signOut} />
      {screen === 'proposals' ? (
        <ProposalsScreen user={user} params={route.params} />
      ) : screen === 'desk' ? (
        <DeskScreen user={user} />
      ) : (
        <MapScreen user={user} params={route.params} />
      )}
    </div>
  );
}
