// The JSON API client: same-origin fetches with the session cookie, one error type for the
// server's `{ error: { code, message, field } }` shape, and a typed function per endpoint used here.
import { takePrefetched } from './prefetch.ts';
import type {
  Agreement,
  Basemap,
  IncidentDetail,
  IncidentMapCollection,
  LoginResponse,
  Ok,
  Page,
  PartyKey,
  ProposalDetail,
  ProposalSummary,
  ReviewStep,
  Shift,
  SignatureResult,
  User,
  VersionWithZones,
  Violation,
  ViolationDetail,
  ZoneCollection,
} from './types.ts';

/** One problem the server found with an input, at the field it names. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  /** Every problem the server listed (one or more when it names a field; none otherwise). */
  readonly problems: FieldProblem[];
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'ApiError';
    // The message alone: a problem is shown next to its field, which need not be named again.
    const own = (f: string, m: string) => (m.startsWith(`${f}: `) ? m.slice(f.length + 2) : m);
    this.problems = (details?.length ? details : field ? [{ field, message }] : []).map((p) => ({
      field: p.field,
      message: own(p.field, p.message),
    }));
  }
}

/** Called when any request answers 401, so the app can return to the sign-in screen. */
let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

export async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (signal) init.signal = signal;
  // A POST without a body must not claim JSON: the server rejects an empty JSON body.
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = (method === 'GET' && (await takePrefetched(path))) || (await fetch(path, init));
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (
      data as {
        error?: { code?: string; message?: string; field?: string; details?: FieldProblem[] };
      } | null
    )?.error;
    if (res.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated();
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? (res.statusText || `request failed (${res.status})`),
      err?.field,
      err?.details,
    );
  }
  return data as T;
}

const q = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const str = s.toString();
  return str ? `?${str}` : '';
};

export const api = {
  login: (username: string, password: string) =>
    request<LoginResponse>('POST', '/api/v1/auth/login', { username, password }),
  logout: () => request<Ok>('POST', '/api/v1/auth/logout'),
  me: () => request<User>('GET', '/api/v1/auth/me'),
  changePassword: (current_password: string, new_password: string) =>
    request<Ok>('POST', '/api/v1/auth/password', { current_password, new_password }),
  agreements: () => request<{ items: Agreement[] }>('GET', '/api/v1/agreements'),
  agreement: (id: string) =>
    request<Agreement>('GET', `/api/v1/agreements/${encodeURIComponent(id)}`),
  zones: (at: string, signal?: AbortSignal) =>
    request<ZoneCollection>('GET', `/api/v1/zones${q({ at })}`, undefined, signal),
  basemap: () => request<Basemap>('GET', '/api/v1/map/basemap'),
  mapIncidents: (
    params: {
      bbox: string;
      zoom: number;
      from: string;
      until: string;
      agreement?: string;
      event_type?: string;
      certainty?: string;
    },
    signal?: AbortSignal,
  ) =>
    request<IncidentMapCollection>('GET', `/api/v1/map/incidents${q(params)}`, undefined, signal),
  incident: (id: string) =>
    request<IncidentDetail>('GET', `/api/v1/incidents/${encodeURIComponent(id)}`),
  queue: () =>
    request<Page<Violation>>('GET', '/api/v1/violations?status=flagged,under_review&limit=500'),
  violation: (id: string) =>
    request<ViolationDetail>('GET', `/api/v1/violations/${encodeURIComponent(id)}`),
  review: (id: string, body: { to: string; note: string; intent?: string }) =>
    request<ReviewStep>('POST', `/api/v1/violations/${encodeURIComponent(id)}/review`, body),
  shifts: () => request<{ items: Shift[] }>('GET', '/api/v1/shifts?limit=20'),
  startShift: (notes?: string) => request<Shift>('POST', '/api/v1/shifts', notes ? { notes } : {}),
  handover: (
    id: string,
    body: { notes: string; open_items: { ref: string; note: string }[]; handed_to?: string },
  ) => request<Shift>('POST', `/api/v1/shifts/${encodeURIComponent(id)}/handover`, body),
  versions: (agreementId: string) =>
    request<{ items: VersionWithZones[] }>(
      'GET',
      `/api/v1/agreements/${encodeURIComponent(agreementId)}/versions`,
    ),
  proposals: (params: { agreement?: string; status?: string } = {}) =>
    request<{ items: ProposalSummary[] }>('GET', `/api/v1/proposals${q(params)}`),
  proposal: (id: string) =>
    request<ProposalDetail>('GET', `/api/v1/proposals/${encodeURIComponent(id)}`),
  signProposal: (
    id: string,
    body: { party_id: string; signature: string; key_fingerprint?: string },
  ) =>
    request<SignatureResult>(
      'POST',
      `/api/v1/proposals/${encodeURIComponent(id)}/signatures`,
      body,
    ),
  withdrawProposal: (id: string, reason: string) =>
    request<ProposalDetail>('POST', `/api/v1/proposals/${encodeURIComponent(id)}/withdraw`, {
      reason,
    }),
  refuseProposal: (id: string, body: { party_id: string; reason: string }) =>
    request<ProposalDetail>('POST', `/api/v1/proposals/${encodeURIComponent(id)}/refusals`, body),
  partyKeys: (party: string) =>
    request<{ items: PartyKey[] }>('GET', `/api/v1/parties/${encodeURIComponent(party)}/keys`),
  registerKey: (party: string, body: { public_key: string; label?: string }) =>
    request<PartyKey>('POST', `/api/v1/parties/${encodeURIComponent(party)}/keys`, body),
};

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.field ? `${e.message} (${e.field})` : e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
