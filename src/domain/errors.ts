// The one table of error codes. Every failure leaves the server as { error: { code, message, field? } }
// and the CLI as a non-zero exit with the same message; docs/ERRORS.md lists each code (a test checks).

export const ERROR_CODES = {
  validation_failed: { status: 400, summary: 'A field of the input is missing or malformed.' },
  invalid_geometry: { status: 400, summary: 'A zone geometry is not a valid polygon.' },
  unknown_reference: {
    status: 400,
    summary: 'The input refers to a party, agreement or version that does not exist.',
  },
  unsupported_format: {
    status: 415,
    summary: 'The file or body is in a format Truceline does not read.',
  },
  unauthenticated: {
    status: 401,
    summary: 'No valid session cookie or bearer token: sign in first.',
  },
  forbidden: {
    status: 403,
    summary: "The caller's role (or party) may not do this; nothing was changed.",
  },
  password_change_required: {
    status: 403,
    summary: 'The account has a one-time password: change it (POST /api/v1/auth/password) first.',
  },
  not_found: { status: 404, summary: 'No such resource.' },
  invalid_transition: {
    status: 409,
    summary:
      'The step is not allowed from the current state (a review step, or a proposal that is no longer open).',
  },
  bad_signature: {
    status: 422,
    summary: "The signature does not verify against the party's registered keys for this digest.",
  },
  rate_limited: { status: 429, summary: 'Too many attempts; wait and try again.' },
  conflict: {
    status: 409,
    summary:
      'The change would rewrite recorded history (e.g. a version label reused with other content).',
  },
  payload_too_large: { status: 413, summary: 'The request body is larger than the limit.' },
  unavailable: {
    status: 503,
    summary:
      'A tool the request needs is not installed here (e.g. Chromium for PDF); nothing changed.',
  },
  internal: { status: 500, summary: 'An unexpected error; the change was not applied.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetail {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, field?: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
