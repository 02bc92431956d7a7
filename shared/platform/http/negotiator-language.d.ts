/** negotiator's Accept-Language module (what `new Negotiator(request).languages(provided)` calls). */
declare module 'negotiator/lib/language.js' {
  /** The provided languages the header accepts, most preferred first (every provided one when the header is absent). */
  export default function preferredLanguages(accept: string | undefined, provided?: readonly string[]): string[];
}
