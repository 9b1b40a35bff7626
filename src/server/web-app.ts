// Serves the React app that Vite builds into dist/web (`npm run build:web`): its files at `/`,
// and index.html for every other GET outside /api/ (the app routes in the browser: /desk, /map…).
// Vite names what it puts under /assets/ by content hash, so those are cached for a year;
// index.html, which names them, is revalidated on every load.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { handleNotFound } from './errors.ts';

/** dist/web of this checkout. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function webAppBuilt(webRoot: string): boolean {
  return existsSync(join(webRoot, 'index.html'));
}

/** Asks for the app (a page), rather than for the API or a missing asset file. */
function wantsApp(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0]!;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return !path.startsWith('/api/') && path !== '/api' && !path.startsWith('/assets/');
}

/**
 * Registers the built app when `webRoot` holds an index.html and returns true; otherwise changes
 * nothing and returns false (the caller keeps the status page and the JSON 404).
 */
export function registerWebApp(app: FastifyInstance, webRoot: string): boolean {
  if (!webAppBuilt(webRoot)) return false;
  const root = webRoot.replace(/\/+$/, '');
  void app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (reply: FastifyReply, path: string) => {
      if (path.startsWith(join(root, 'assets') + '/'))
        void reply.header('cache-control', IMMUTABLE);
      else if (path.endsWith('.html')) void reply.header('cache-control', REVALIDATE);
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if (!wantsApp(req)) return handleNotFound(req, reply);
    return reply.header('cache-control', REVALIDATE).sendFile('index.html');
  });
  return true;
}
