// The usual response headers (@fastify/helmet) and the Content-Security-Policy of the web app and
// of the daily report. The app's one inline script (the prefetch in web/index.html) is allowed by
// its hash, read from the built index.html, so no other inline script runs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The sha256 CSP sources of the inline scripts of the built index.html (none without one). */
export function inlineScriptHashes(webRoot: string | null): string[] {
  if (webRoot === null) return [];
  let html: string;
  try {
    html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi))
    hashes.push(`'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  return hashes;
}

/**
 * The web app: its own scripts (and the hashed prefetch), inline styles (React and MapLibre set
 * them; the report shown in an iframe brings a <style>), MapLibre's worker from this origin or a
 * blob, tiles and images over https for an optional online base map, never framed.
 */
export function appCsp(scriptHashes: readonly string[]): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    scriptSrc: ["'self'", ...scriptHashes],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    connectSrc: ["'self'", 'https:'],
    fontSrc: ["'self'", 'data:'],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    frameSrc: ["'self'"],
  };
}

/**
 * The daily report opened on its own (GET /api/v1/reports/daily?format=html): self-contained, an
 * inline <style> and inline SVG, links to its own anchors; no script, nothing fetched. The web app
 * shows it in a same-origin iframe, so it may be framed by this origin only.
 */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

export function useReportCsp(reply: FastifyReply): void {
  void reply.header('content-security-policy', REPORT_CSP).header('x-frame-options', 'SAMEORIGIN');
}

export function registerSecurityHeaders(app: FastifyInstance, webRoot: string | null): void {
  void app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: appCsp(inlineScriptHashes(webRoot)),
    },
    // Served over plain http on a LAN too: upgrading would break it, and HSTS is the proxy's call.
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    // Same-origin requests keep their Origin and Referer (the cross-site check reads them);
    // nothing leaks to other sites.
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
