import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { api } from '../support/api-client';

/** Communes per province, counted from the list the runtime loaded (data/units). */
const COMMUNES = fileURLToPath(new URL('../../data/units/communes-2025.csv', import.meta.url));
const shippedCounts = new Map<string, number>();
for (const line of readFileSync(COMMUNES, 'utf8').trim().split('\n').slice(1)) {
  const provinceCode = line.split(',')[2]!;
  shippedCounts.set(provinceCode, (shippedCounts.get(provinceCode) ?? 0) + 1);
}

describe('Address API: GET /v1/units/provinces and /v1/units/provinces/{code}/communes', () => {
  it('lists the 34 provinces without a token, cacheable: ETag, Cache-Control and 304 on If-None-Match', async () => {
    // Act
    const res = await api('/v1/units/provinces');
    const again = await api('/v1/units/provinces', { headers: { 'if-none-match': res.headers.get('etag')! } });
    const stale = await api('/v1/units/provinces', { headers: { 'if-none-match': '"not-this-version"' } });

    // Assess
    expect(res.status, res.text).toBe(200);
    expect(res.json.items).toHaveLength(34);
    expect(res.json.items).toContainEqual({ code: '31', name: 'Thành phố Hải Phòng' });
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(res.headers.get('etag'));
    expect(stale.status).toBe(200);
  });

  it("gives every province as many communes as the shipped list has (114 for Hai Phong, 31)", async () => {
    const provinces = (await api('/v1/units/provinces')).json.items as { code: string }[];
    expect(shippedCounts.size).toBe(34);
    for (const { code } of provinces) {
      const res = await api(`/v1/units/provinces/${code}/communes`);
      expect(res.status, `${code}: ${res.text}`).toBe(200);
      expect(res.json.items, `province ${code}`).toHaveLength(shippedCounts.get(code)!);
      expect(res.json.items.every((c: { provinceCode: string }) => c.provinceCode === code)).toBe(true);
    }
    const haiPhong = await api('/v1/units/provinces/31/communes');
    expect(haiPhong.json.items).toHaveLength(114);
    expect(haiPhong.json.items).toContainEqual({ code: '11311', name: 'Phường Hồng Bàng', provinceCode: '31' });
    expect((await api('/v1/units/provinces/31/communes', { headers: { 'if-none-match': haiPhong.headers.get('etag')! } })).status).toBe(304);
  });

  it('answers 404 naming an unknown province, and 400 naming a malformed code', async () => {
    const unknown = await api('/v1/units/provinces/99/communes');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('NOT_FOUND');
    expect(unknown.json.error.details).toEqual([{ path: 'provinceCode', message: 'no province has code 99' }]);
    const malformed = await api('/v1/units/provinces/3/communes');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.details[0].path).toBe('provinceCode');
  });
});
