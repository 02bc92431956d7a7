// negotiator's Accept-Language parser alone: its index also loads the charset, encoding and media-type
// parsers (5 KB more in every HTTP function's bundle). Typed in ./negotiator-language.d.ts.
import preferredLanguages from 'negotiator/lib/language.js';
import { LANGUAGES, type Language } from '../api/error-catalogue';
import { header, type HttpEvent } from './types';

/**
 * The language of the caller's messages by `Accept-Language` (RFC 9110 weights, `vi-VN` matching
 * `vi`, `q=0` refusing): Vietnamese when preferred over English, English otherwise and by default.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const preferred = preferredLanguages(acceptLanguage, [...LANGUAGES])[0];
  return (preferred as Language | undefined) ?? 'en';
}

export function requestLanguage(event: Pick<HttpEvent, 'headers'>): Language {
  return languageOf(header(event, 'accept-language'));
}
