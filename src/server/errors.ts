// Every error leaves the server in one shape: { error: { code, message, field?, details? } }.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { errorResponse } from '../api/common.ts';
import { AppError, ERROR_CODES } from '../domain/errors.ts';

/** The error body, as its schema (src/api/common.ts) describes it in the OpenAPI document. */
export type ErrorBody = z.output<typeof errorResponse>;

export function errorBody(e: AppError): ErrorBody {
  return {
    error: {
      code: e.code,
      message: e.message,
      ...(e.field !== undefined && { field: e.field }),
      ...(e.details && e.details.length > 1 && { details: e.details }),
    },
  };
}

/** Maps what fastify itself rejects (bad JSON, too large, wrong content type) onto our codes. */
function fromFastify(e: FastifyError): AppError {
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new AppError('payload_too_large', e.message, '(body)');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError(
      'unsupported_format',
      `${e.message}; send application/json`,
      'content-type',
    );
  if (
    e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    e instanceof SyntaxError
  )
    return new AppError('validation_failed', `the body is not valid JSON: ${e.message}`, '(body)');
  if (e.statusCode === 404) return new AppError('not_found', e.message);
  if (e.statusCode === 429)
    return new AppError('rate_limited', 'too many attempts; wait a minute and try again');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return new AppError('validation_failed', e.message);
  return new AppError('internal', 'an unexpected error occurred; nothing was changed');
}

export function handleError(e: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const app = e instanceof AppError ? e : fromFastify(e as FastifyError);
  if (app.code === 'internal') req.log.error({ err: e }, 'unexpected error');
  void reply.status(ERROR_CODES[app.code].status).send(errorBody(app));
}

export function handleNotFound(req: FastifyRequest, reply: FastifyReply): void {
  void reply
    .status(404)
    .send(errorBody(new AppError('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));
}
