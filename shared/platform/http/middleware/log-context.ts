import type { Logger } from '@aws-lambda-powertools/logger';
import type { HttpMiddleware } from '../types';

/**
 * Powertools' `injectLambdaContext(logger, { resetKeys: true })` without its per-request copy of
 * middy's internal state: the library keeps its cleanup there for middlewares that answer early
 * from `before` (a cache), and copies the whole object on every request to do so (about 2 µs of a
 * fee quote). No middleware of an API route answers early, so the cleanup simply runs after the
 * answer or the error, as the library's own after/onError hooks do: the Lambda context on every
 * line, the debug sampling refreshed, the event logged when POWERTOOLS_LOGGER_LOG_EVENT asks, the
 * log buffer cleared and the keys of the request reset.
 */
export function logContext(logger: Logger): HttpMiddleware {
  const logContextBefore: HttpMiddleware['before'] = (request) => {
    logger.refreshSampleRateCalculation();
    logger.addContext(request.context);
    logger.logEventIfEnabled(request.event);
  };
  const logContextAfter: HttpMiddleware['after'] = () => {
    logger.clearBuffer();
    logger.resetKeys();
  };
  return { before: logContextBefore, after: logContextAfter, onError: logContextAfter };
}
