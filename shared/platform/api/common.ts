import * as z from './zod';
import { BENEFICIARY_CATEGORIES, CHANNELS, type BeneficiaryCategory, type BilingualText, type Channel } from '../kernel/vocabulary';

export { Channels } from '../kernel/vocabulary';
export type { BeneficiaryCategory, BilingualText, Channel };

/**
 * Whether two types describe the same values (each assignable to the other, same keys): what a schema
 * built from a domain vocabulary asserts about the domain type, so the two cannot drift apart.
 * `readonly` is ignored on purpose: domain types are read-only, parsed values are not.
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false) : false;

/** An integer number of Vietnamese đồng. VND has no minor unit. */
export const VndSchema = z
  .int()
  .check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER))
  .register(z.globalRegistry, { description: 'Integer amount in VND (no minor unit)', example: 200000 });

/** A calendar date as written in Vietnamese legal texts (dates are those of Viet Nam, GMT+7). */
export const LegalDateSchema = z.iso.date().register(z.globalRegistry, { description: 'Date (YYYY-MM-DD) in Viet Nam time' });

/** An instant in UTC, ISO-8601 with a `Z` or an offset. */
export const InstantSchema = z.iso
  .datetime({ offset: true })
  .register(z.globalRegistry, { description: 'ISO-8601 instant', example: '2026-03-01T02:30:00Z' });

/**
 * Code points a name or street must not contain: controls (NUL, BEL, C1…), format characters (bidi
 * embeddings, overrides and isolates U+202A–U+202E / U+2066–U+2069, LRM/RLM, zero-width joiners,
 * BOM, soft hyphen), lone surrogates, private-use and unassigned code points, line and paragraph
 * separators. They are invisible or reorder what a clerk sees and prints on an envelope, so a name
 * could read differently from what is stored, and they break the carrier's fixed-width label fields.
 */
const NOT_PRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/u;

function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Free text that names a person or a place (applicant and recipient names, the street part of an
 * address): trimmed, NFC-normalised (Vietnamese typed with combining marks is stored precomposed),
 * 1..max characters, and printable only. The one schema every such field uses.
 */
export function printableText(max: number) {
  return z
    .string()
    .check(z.trim(), z.normalize('NFC'), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`), z.superRefine((value, ctx) => {
      const match = NOT_PRINTABLE.exec(value);
      if (match) {
        ctx.addIssue({
          code: 'custom',
          message: `must contain printable characters only (${codePointLabel(match[0])} at position ${match.index + 1} is a control, format or bidirectional character)`,
        });
      }
    }))
    .register(z.globalRegistry, { pattern: '^[^\\p{C}\\p{Zl}\\p{Zp}]+$' });
}

export const BilingualTextSchema = z.strictObject({
  vi: z.string().check(z.minLength(1), z.maxLength(500)),
  en: z.string().check(z.minLength(1), z.maxLength(500)),
}) satisfies z.ZodMiniType<BilingualText>;

/** Procedure code (mã thủ tục hành chính), e.g. `1.001234` or `2.000908`. */
export const ProcedureCodeSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, dot, dash or underscore'))
  .register(z.globalRegistry, { example: '2.000908' });

export const AgencyCodeSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, dot, dash or underscore'))
  .register(z.globalRegistry, { example: 'HP-STP' });

/** How a dossier is submitted. */
export const ChannelSchema = z.enum(CHANNELS) satisfies z.ZodMiniType<Channel>;

export const ProvinceCodeSchema = z.string().check(z.regex(/^\d{2}$/, 'must be a 2-digit province code'));

export const BeneficiaryCategorySchema = z.enum(BENEFICIARY_CATEGORIES) satisfies z.ZodMiniType<BeneficiaryCategory>;

/** A list page: pass `nextCursor` back as `?cursor=` for the next one. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.optional(z.string()) });
}

/**
 * The signature of our signed webhooks (bank transfer, postal): `X-Signature: t=<unix seconds>,v1=<hex>`
 * where hex is HMAC-SHA256 of `<t>.<raw body>` with a shared secret (several accepted while rotating).
 * It is checked over the raw bytes before the body is parsed; missing, wrong or older than 300 s: 401.
 */
export const SignatureHeadersSchema = z.looseObject({
  'x-signature': z
    .string()
    .check(z.maxLength(1024))
    .register(z.globalRegistry, {
      description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`; several `v1=` while secrets rotate. Missing, wrong or older than 300 s: 401 UNAUTHORIZED',
      example: 't=1795512300,v1=5d41402abc4b2a76b9719d911017c592a3f1e0b7c4d6e8f9a0b1c2d3e4f5a6b7',
    }),
});
