// Builds the HTTP server: thin routes over the services, one error shape, the OpenAPI document.
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../app/context.ts';
import { handleError, handleNotFound } from './errors.ts';
import { buildOpenApi } from './openapi.ts';
import { RouteRegistry } from './route-registry.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { homeRoutes } from './routes/home.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { partyRoutes } from './routes/parties.ts';
import { violationRoutes } from './routes/violations.ts';
import { zoneRoutes } from './routes/zones.ts';

export interface ServerOptions {
  logger?: boolean;
  version?: string;
}

export function buildServer(ctx: AppContext, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger
      ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] }
      : false,
    bodyLimit: 4 * 1024 * 1024,
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  // Imports arrive as files: CSV and GeoJSON bodies are read as text and detected by content.
  app.addContentTypeParser(
    ['text/csv', 'text/plain', 'application/geo+json'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
  const registry = new RouteRegistry();
  partyRoutes(registry, ctx);
  agreementRoutes(registry, ctx);
  zoneRoutes(registry, ctx);
  incidentRoutes(registry, ctx);
  violationRoutes(registry, ctx);
  registry.mount(app);
  const openapi = buildOpenApi(registry.routes, options.version ?? '0.1.0');
  app.get('/api/v1/openapi.json', async () => openapi);
  homeRoutes(app, ctx);
  return app;
}
