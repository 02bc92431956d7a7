import type { ServerResponse } from 'node:http';
import { parseOrThrow } from '../shared/platform/http/validation';
import { DomainError } from '../shared/platform/kernel/errors';
import type { LocalRoute } from './api-gateway';
import { DevTokenRequestSchema, type DevTokenIssuer } from './dev-tokens';

function reply(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** `POST /v1/dev/tokens`: mints citizen, agency and city tokens for local use only. */
export function devTokenRoute(issuer: DevTokenIssuer): LocalRoute {
  return {
    method: 'POST',
    path: '/v1/dev/tokens',
    async handle(_request, response, body) {
      try {
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          return reply(response, 400, { error: { code: 'MALFORMED_JSON', message: 'Request body is not valid JSON' } });
        }
        const request = parseOrThrow(DevTokenRequestSchema, json);
        reply(response, 200, { token: await issuer.mint(request), tokenType: 'Bearer', expiresIn: 43_200 });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        reply(response, 400, { error: { code: error.code, message: error.message, details: error.details } });
      }
    },
  };
}
