// GET /api/health, and GET / as a plain status page when the web app is not built (web-app.ts).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { PUBLISHED_VIOLATION_STATUSES } from '../../domain/access.ts';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function homeRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  { statusPage }: { statusPage: boolean },
): void {
  app.get('/api/health', async () => {
    await ctx.store.countIncidents();
    return { status: 'ok' };
  });
  if (!statusPage) return;
  app.get('/', async (_req, reply) => {
    const [agreements, versions, incidents, violations] = await Promise.all([
      ctx.store.listAgreements(),
      ctx.store.listVersions(),
      ctx.store.countIncidents(),
      ctx.store.listViolations({ limit: 1, statuses: PUBLISHED_VIOLATION_STATUSES }),
    ]);
    const rows = agreements
      .map((a) => {
        const vs = versions.filter((v) => v.agreementId === a.id);
        const windows = vs
          .map(
            (v) =>
              `${escape(v.label)}: ${new Date(v.validFrom).toISOString()} → ${v.validUntil ? new Date(v.validUntil).toISOString() : 'open-ended'}`,
          )
          .join('<br>');
        return `<tr><td><a href="/api/v1/agreements/${encodeURIComponent(a.id)}">${escape(a.id)}</a></td><td>${escape(a.title)}</td><td>${windows}</td></tr>`;
      })
      .join('\n');
    void reply.type('text/html; charset=utf-8');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Truceline</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}</style>
</head><body>
<h1>Truceline</h1>
<p>Ceasefire monitoring: agreements, zones, incidents and the violations derived from them.</p>
<p>The web app is not built: run <code>npm run build:web</code></p>
<p><strong>${agreements.length}</strong> agreements · <strong>${incidents}</strong> incidents · <strong>${violations.total}</strong> confirmed violations</p>
<table><thead><tr><th>Agreement</th><th>Title</th><th>Versions (validity, UTC)</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>API</h2>
<ul>
<li><a href="/api/v1/openapi.json">OpenAPI document</a></li>
<li><a href="/api/v1/violations">Violations</a> (<a href="/api/v1/violations?format=csv">CSV</a>)</li>
<li><a href="/api/v1/incidents">Incidents</a> · <a href="/api/v1/zones">Zones (GeoJSON)</a> · <a href="/api/v1/parties">Parties</a> · <a href="/api/v1/agreements">Agreements</a></li>
</ul>
</body></html>`;
  });
}
