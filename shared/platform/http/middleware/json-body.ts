import { MalformedJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors';
import { header, type HttpMiddleware } from '../types';

export interface JsonBodyOptions {
  /** Largest accepted body in bytes, after base64 decoding. */
  readonly maxBytes: number;
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Decodes and parses a JSON body. Keeps the raw text beside the parsed value, because signatures
 * must be checked over the bytes received, never over a re-serialised object.
 */
export function jsonBody(options: JsonBodyOptions): HttpMiddleware {
  const jsonBodyBefore: HttpMiddleware['before'] = (request) => {
    const event = request.event;
    if (event.body === undefined || event.body === null || event.body === '') return;
    // A text body is measured, not copied: encoding it to bytes and back would give the same text.
    const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : undefined;
    const byteLength = raw ? raw.byteLength : Buffer.byteLength(event.body, 'utf8');
    if (byteLength > options.maxBytes) {
      throw new PayloadTooLargeError(`Request body is larger than ${options.maxBytes} bytes`);
    }
    const contentType = header(event, 'content-type') ?? '';
    if (!JSON_MEDIA_TYPE.test(contentType)) {
      throw new UnsupportedMediaTypeError('Request body must be application/json', {
        details: [{ path: 'Content-Type', message: 'expected application/json' }],
      });
    }
    const text = raw ? raw.toString('utf8') : event.body;
    event.rawBody = text;
    try {
      event.jsonBody = JSON.parse(text);
    } catch (cause) {
      throw new MalformedJsonError('Request body is not valid JSON', { cause });
    }
  };
  return { before: jsonBodyBefore };
}
