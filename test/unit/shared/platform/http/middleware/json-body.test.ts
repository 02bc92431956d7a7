import { describe, expect, it } from 'vitest';
import { jsonBody } from '../../../../../../shared/platform/http/middleware/json-body';
import type { HttpMiddleware, ParsedHttpEvent } from '../../../../../../shared/platform/http/types';
import { httpEvent, lambdaContextStub } from '../../../../../support/http-event';

type Request = Parameters<NonNullable<HttpMiddleware['before']>>[0];

function parse(maxBytes: number, overrides: Parameters<typeof httpEvent>[0]): ParsedHttpEvent {
  const event: ParsedHttpEvent = httpEvent(overrides);
  jsonBody({ maxBytes }).before!({ event, context: lambdaContextStub, response: undefined, error: undefined, internal: {} } as Request);
  return event;
}

describe('Middleware: jsonBody', () => {
  it('keeps a text body as received and parses it', () => {
    const body = '{"ten":"Nguyễn Văn A"}';
    const event = parse(1024, { body });
    expect(event.rawBody).toBe(body);
    expect(event.jsonBody).toEqual({ ten: 'Nguyễn Văn A' });
  });

  it('measures a text body in UTF-8 bytes, not characters', () => {
    const body = JSON.stringify({ s: 'ễ'.repeat(10) }); // 18 characters, 38 bytes
    expect(() => parse(body.length, { body })).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }));
    expect(parse(Buffer.byteLength(body), { body }).jsonBody).toEqual({ s: 'ễ'.repeat(10) });
  });

  it('decodes a base64 body and measures its decoded bytes', () => {
    const text = '{"a":1}';
    const event = parse(text.length, { body: Buffer.from(text).toString('base64'), isBase64Encoded: true });
    expect(event.rawBody).toBe(text);
    expect(event.jsonBody).toEqual({ a: 1 });
  });
});
