import { logger } from '../../observability/logger';
import { header, type HttpMiddleware } from '../types';

const HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Carries one id through the logs of every component a request touches: the caller's
 * `X-Correlation-Id` when it is a sane token, else API Gateway's request id. Echoed on the response.
 */
export function correlationId(): HttpMiddleware {
  let current = '';
  const correlationIdBefore: HttpMiddleware['before'] = (request) => {
    const given = header(request.event, HEADER);
    current = given && ACCEPTABLE.test(given) ? given : request.event.requestContext.requestId;
    logger.setCorrelationId(current);
  };
  const correlationIdAfter: HttpMiddleware['after'] = (request) => {
    if (request.response) request.response.headers = { ...request.response.headers, [HEADER]: current };
  };
  return { before: correlationIdBefore, after: correlationIdAfter, onError: correlationIdAfter };
}
