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
  not_found: { status: 404, summary: 'No such resource.' },
  conflict: {
    status: 409,
    summary:
      'The change would rewrite recorded history (e.g. a version label reused with other content).',
  },
  payload_too_large: { status: 413, summary: 'The request body is larger than the limit.' },
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
