import { DomainError } from '../../kernel/errors';
import { logger } from '../../observability/logger';
import { statusOf } from '../errors';
import { requestLanguage } from '../language';
import { correlationIdOf } from './correlation-id';
import type { HttpMiddleware } from '../types';
import type { ErrorResponse } from '../../api/error';
import { errorMessage, type Language } from '../../api/error-catalogue';

function errorResponse(statusCode: number, body: ErrorResponse, language: Language) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-language': language, vary: 'Accept-Language' },
    body: JSON.stringify(body),
  };
}

/**
 * Turns typed domain errors into the documented error shape with the status of their class and the
 * message of their code from the error catalogue, in the caller's language. Field details stay as they
 * are (machine-readable, naming the field). Anything else is a generic 500 that names only the
 * correlation id: internals never leak.
 */
export function httpErrorHandler(): HttpMiddleware {
  const httpErrorHandlerOnError: HttpMiddleware['onError'] = (request) => {
    const error = request.error;
    const language = requestLanguage(request.event);
    const status = statusOf(error);
    if (status !== undefined && error instanceof DomainError) {
      if (status >= 500) logger.error('request failed', { error });
      const details = error.details.length > 0 ? { details: [...error.details] } : {};
      // A code missing from the catalogue keeps its own (English) message; a unit test keeps that from happening.
      const message = errorMessage(error.code, language) ?? error.message;
      request.response = errorResponse(status, { error: { code: error.code, message, ...details } }, language);
      return;
    }
    logger.error('unhandled error', { error });
    const reference = request.event.requestContext ? correlationIdOf(request.event) : 'unknown';
    request.response = errorResponse(
      500,
      { error: { code: 'INTERNAL_ERROR', message: errorMessage('INTERNAL_ERROR', language, { reference }) ?? `An internal error occurred (reference ${reference})` } },
      language,
    );
  };
  return { onError: httpErrorHandlerOnError };
}
