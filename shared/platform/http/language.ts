import Negotiator from 'negotiator';
import { LANGUAGES, type Language } from '../api/error-catalogue';
import { header, type HttpEvent } from './types';

/**
 * The language of the caller's messages by `Accept-Language` (RFC 9110 weights, `vi-VN` matching
 * `vi`, `q=0` refusing): Vietnamese when preferred over English, English otherwise and by default.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...LANGUAGES]);
  return (preferred as Language | undefined) ?? 'en';
}

export function requestLanguage(event: Pick<HttpEvent, 'headers'>): Language {
  return languageOf(header(event, 'accept-language'));
}
