// Talking to a running Truceline server from the command line (for what a party does remotely,
// such as signing): --server / $TRUCELINE_SERVER and --token / $TRUCELINE_TOKEN.
import { AppError, ERROR_CODES, type ErrorCode } from '../domain/errors.ts';

export interface ServerOptions {
  server?: string | undefined;
  token?: string | undefined;
}

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

export class ApiClient {
  readonly base: string;
  private readonly token: string;

  constructor(opts: ServerOptions) {
    this.base = (opts.server ?? process.env.TRUCELINE_SERVER ?? DEFAULT_SERVER).replace(/\/+$/, '');
    const token = opts.token ?? process.env.TRUCELINE_TOKEN;
    if (!token)
      throw new AppError(
        'unauthenticated',
        'give an API token with --token or $TRUCELINE_TOKEN (create one with `truceline users token NAME` or POST /api/v1/auth/tokens)',
        '--token',
      );
    this.token = token;
  }

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new AppError('internal', `cannot reach ${this.base}: ${(e as Error).message}`);
    }
    const json = (await res.json().catch(() => null)) as
      (T & { error?: { code: string; message: string; field?: string } }) | null;
    if (!res.ok) {
      const err = json?.error;
      const code = (err && err.code in ERROR_CODES ? err.code : 'internal') as ErrorCode;
      throw new AppError(
        code,
        `${this.base} answered ${res.status}: ${err?.message ?? res.statusText}`,
        err?.field,
      );
    }
    return json as T;
  }
}
