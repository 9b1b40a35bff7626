// Builds the HTTP server: thin routes over the services, one error shape, the OpenAPI document.
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { checkSameOrigin } from './auth.ts';
import { checkJsonTextDepth } from '../domain/input-safety.ts';
import { handleError, handleNotFound } from './errors.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { buildOpenApi } from './openapi.ts';
import { RouteRegistry } from './route-registry.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { homeRoutes } from './routes/home.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { partyRoutes } from './routes/parties.ts';
import { violationRoutes } from './routes/violations.ts';
import { zoneRoutes } from './routes/zones.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { deskRoutes } from './routes/desk.ts';
import { keyRoutes } from './routes/keys.ts';
import { proposalRoutes } from './routes/proposals.ts';
import { streamRoutes } from './routes/stream.ts';
import { sourceRoutes } from './routes/sources.ts';
import { duplicateRoutes } from './routes/duplicates.ts';
import { exportRoutes } from './routes/exports.ts';
import { userRoutes } from './routes/users.ts';
import { newsRoutes } from './routes/news.ts';
import { reportRoutes } from './routes/reports.ts';
import { mapRoutes } from './routes/map.ts';
import { DEFAULT_WEB_ROOT, registerWebApp } from './web-app.ts';

export interface ServerOptions {
  logger?: boolean;
  /** Where the request log goes (default stdout); tests read it to prove secrets stay out. */
  logStream?: NodeJS.WritableStream;
  version?: string;
  /** Where the built web app is (default: dist/web of this checkout); without an index.html there, `/` is a status page. */
  webRoot?: string;
  /**
   * Validate every JSON response against its route's schema and answer 500 `internal` when one is
   * off it (on in every test server; off in production).
   */
  checkResponses?: boolean;
}

/** Every API route, declared once (the permission matrix test walks this list). */
export function buildRegistry(ctx: AppContext, shutdown: AbortSignal): RouteRegistry {
  const registry = new RouteRegistry();
  authRoutes(registry, ctx);
  userRoutes(registry, ctx);
  partyRoutes(registry, ctx);
  keyRoutes(registry, ctx);
  agreementRoutes(registry, ctx);
  proposalRoutes(registry, ctx);
  zoneRoutes(registry, ctx);
  sourceRoutes(registry, ctx);
  incidentRoutes(registry, ctx);
  duplicateRoutes(registry, ctx);
  newsRoutes(registry, ctx);
  violationRoutes(registry, ctx);
  exportRoutes(registry, ctx, shutdown);
  deskRoutes(registry, ctx);
  auditRoutes(registry, ctx);
  streamRoutes(registry, ctx, shutdown);
  mapRoutes(registry, ctx);
  reportRoutes(registry, ctx);
  return registry;
}

export function buildServer(ctx: AppContext, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          ...(options.logStream && { stream: options.logStream }),
          // Secrets never reach the log: credentials in headers, passwords and tokens in bodies.
          redact: [
            'req.headers.authorization',
            'req.headers.cookie',
            'res.headers["set-cookie"]',
            '*.password',
            '*.token',
          ],
        }
      : false,
    bodyLimit: 4 * 1024 * 1024,
  });
  app.setErrorHandler(handleError);
  // Before the body is read: a refused cross-site request never reaches a parser or a handler.
  app.addHook('onRequest', async (req) => checkSameOrigin(req));
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  registerSecurityHeaders(app, webRoot);
  const webApp = registerWebApp(app, webRoot);
  if (!webApp) app.setNotFoundHandler(handleNotFound);
  // JSON bodies: fastify's own parser (same body limits, same errors for malformed JSON, proto
  // poisoning refused), behind a scan of the raw text's bracket depth, so a body nested deeper than
  // MAX_JSON_DEPTH is a 400 before any recursive step (JSON.stringify, canonical JSON) sees it.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    try {
      checkJsonTextDepth(body as string);
    } catch (e) {
      done(e as Error, undefined);
      return;
    }
    jsonParser(req, body as string, done);
  });
  // Imports arrive as files: CSV and GeoJSON bodies are handed on as streams, read row by row
  // (constant memory whatever the size) and detected by content.
  app.addContentTypeParser(
    ['text/csv', 'text/plain', 'application/geo+json'],
    (_req, payload, done) => done(null, payload),
  );
  void app.register(cookie);
  // preHandler, not onRequest: the login limit is keyed by address and user name, read from the body.
  void app.register(rateLimit, { global: false, hook: 'preHandler' });
  const shutdown = new AbortController();
  app.addHook('preClose', async () => shutdown.abort());
  const registry = buildRegistry(ctx, shutdown.signal);
  // Mounted as a plugin so that rate-limit (registered above) sees every route.
  void app.register(async (scope) =>
    registry.mount(scope, ctx, { checkResponses: options.checkResponses ?? false }),
  );
  const openapi = buildOpenApi(registry.routes, options.version ?? '0.1.0');
  app.get('/api/v1/openapi.json', async () => openapi);
  homeRoutes(app, ctx, { statusPage: !webApp });
  return app;
}
