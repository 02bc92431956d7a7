import { describe, expect, it } from 'vitest';
import { signatureHeaderFor } from '../../../../../../shared/modules/portal-webhooks/domain/signature';
import { verifySignature } from '../../../../../../shared/platform/kernel/timestamped-hmac';

const T = 1_767_225_600; // 2026-01-01T00:00:00Z
const BODY = '{"id":"evt_1","dossierNo":"H31.26-0001","sequence":2,"status":"PROCESSING"}';
const CURRENT = 'whsec-current-2026';
const PREVIOUS = 'whsec-previous-2025';
/**
 * Computed outside the code, with OpenSSL:
 *   printf '%s' '1767225600.<BODY>' | openssl dgst -sha256 -hmac 'whsec-current-2026'
 */
const CURRENT_HEX = '951ae37c6baf9e558a8f77d42af448ef516b745041c41a4d08899fa91b742322';
const PREVIOUS_HEX = 'b40ada6178a2ffbbc6ada62b4483a96cc705544fe8b11d0ab9afd51ac58059e2';
/** printf '%s' '1767225600.{"đ":"Hồ sơ"}' | openssl dgst -sha256 -hmac 'whsec-current-2026' (UTF-8 bytes, not code units) */
const VIETNAMESE_HEX = 'd3eef6be27ca48f3e7d12f81e0ab173b303bb2cfcd0d35bad23f354e9a29b1a9';

const at = (seconds: number) => new Date(seconds * 1000);

describe('Function: signatureHeaderFor', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 as OpenSSL does', () => {
    expect(signatureHeaderFor([CURRENT], T, BODY)).toBe(`t=${T},v1=${CURRENT_HEX}`);
    expect(signatureHeaderFor([CURRENT], T, '{"đ":"Hồ sơ"}')).toBe(`t=${T},v1=${VIETNAMESE_HEX}`);
  });

  it('carries one v1 per active secret, newest first, while a secret rotates', () => {
    expect(signatureHeaderFor([CURRENT, PREVIOUS], T, BODY)).toBe(`t=${T},v1=${CURRENT_HEX},v1=${PREVIOUS_HEX}`);
  });

  it.each([[[]], [['a', 'b', 'c']]])('refuses %j secrets (one or two are active)', (secrets) => {
    expect(() => signatureHeaderFor(secrets, T, BODY)).toThrow(RangeError);
  });
});

describe('Rotation against the verifier integrators are given (platform/kernel/timestamped-hmac)', () => {
  const bothActive = signatureHeaderFor([CURRENT, PREVIOUS], T, BODY);

  it.each([
    ['a portal that still holds only the previous secret', [PREVIOUS]],
    ['a portal that already holds only the new secret', [CURRENT]],
    ['a portal that holds both', [CURRENT, PREVIOUS]],
  ])('while both are active, %s verifies', (_who, held) => {
    expect(verifySignature(bothActive, BODY, held, at(T + 10))).toEqual({ valid: true, timestamp: T });
  });

  it('once the previous secret is removed from our side, a portal holding only it is refused; the new one verifies', () => {
    const afterRotation = signatureHeaderFor([CURRENT], T, BODY);
    expect(verifySignature(afterRotation, BODY, [PREVIOUS], at(T))).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignature(afterRotation, BODY, [CURRENT], at(T))).toEqual({ valid: true, timestamp: T });
  });

  it('a changed byte, or a stale timestamp, is refused', () => {
    expect(verifySignature(bothActive, BODY.replace('PROCESSING', 'REJECTED'), [CURRENT], at(T))).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignature(bothActive, BODY, [CURRENT], at(T + 301))).toEqual({ valid: false, reason: 'stale' });
  });
});
