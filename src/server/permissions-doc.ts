// The permission table of docs/PERMISSIONS.md, generated from the route declarations
// (`npm run docs:permissions`); a test keeps the document equal to it.
import { isPartyBound } from '../domain/access.ts';
import { ROLES } from '../domain/roles.ts';
import type { AnyRouteSpec } from './route-registry.ts';

export function permissionsTable(routes: readonly AnyRouteSpec[]): string {
  const head = `| route | ${ROLES.join(' | ')} |\n|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = routes.map((r) => {
    const cells = ROLES.map((role) => {
      if (r.access.roles === 'anonymous') return 'anyone';
      if (!r.access.roles.includes(role)) return '';
      return isPartyBound({ role }) && r.access.party ? 'own party' : '✓';
    });
    return `| \`${r.method} ${r.url}\` | ${cells.join(' | ')} |`;
  });
  return [head, ...rows].join('\n');
}
