import { DomainError } from '../../kernel/errors';
import { logger } from '../../observability/logger';
import { statusOf } from '../errors';
import { correlationIdOf } from './correlation-id';
import type { HttpMiddleware } from '../types';
import type { ErrorResponse } from '../../api/error';

function errorResponse(statusCode: number, body: ErrorResponse) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/**
 * Turns typed domain errors into the documented error shape with the status of their class.
 * Anything else is a generic 500 that names only the correlation id: internals never leak.
 */
export function httpErrorHandler(): HttpMiddleware {
  const httpErrorHandlerOnError: HttpMiddleware['onError'] = (request) => {
    const error = request.error;
    const status = statusOf(error);
    if (status !== undefined && error instanceof DomainError) {
      if (status >= 500) logger.error('request failed', { error });
      const details = error.details.length > 0 ? { details: [...error.details] } : {};
      request.response = errorResponse(status, { error: { code: error.code, message: error.message, ...details } });
      return;
    }
    logger.error('unhandled error', { error });
    const reference = request.event.requestContext ? correlationIdOf(request.event) : 'unknown';
    request.response = errorResponse(500, {
      error: { code: 'INTERNAL_ERROR', message: `An internal error occurred (reference ${reference})` },
    });
  };
  return { onError: httpErrorHandlerOnError };
}
