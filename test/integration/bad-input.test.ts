import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { agencyAndCitizen, api } from '../support/api-client';
import { uniqueCode } from '../support/emulators';

/**
 * Bad input over HTTP against the local runtime: every case is a 4xx naming what is wrong, never a
 * 500, and nothing is written.
 */
const CITIZEN = '031099012345';
const DAY = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

let agency: string;
let agencyToken: string;
let citizenToken: string;
beforeAll(async () => {
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN));
});

const registration = (overrides: { submittedAt?: string; fullName?: string } = {}) => ({
  procedureCode: '2.000815',
  agencyCode: agency,
  channel: 'online',
  submittedAt: overrides.submittedAt ?? ago(DAY),
  applicant: { citizenId: CITIZEN, fullName: overrides.fullName ?? 'Nguyễn Văn Ánh', phone: '0912345678' },
  inputs: { pages: 1 },
});

async function register(body: object) {
  const no = uniqueCode('H31.26');
  const res = await api(`/v1/dossiers/${no}`, { method: 'PUT', body, token: agencyToken });
  const stored = await api(`/v1/dossiers/${no}`, { token: agencyToken });
  return { no, res, stored: stored.status };
}

const paths = (res: { json: any }) => (res.json?.error?.details ?? []).map((d: { path: string }) => d.path);

describe('Bad input over HTTP', () => {
  it.each([
    ['in 2099', '2099-01-01T00:00:00Z'],
    ['a year ago', ago(365 * DAY)],
    ['31 days ago', ago(31 * DAY)],
  ])('refuses a dossier submitted %s with 400 naming submittedAt, writing nothing', async (_case, submittedAt) => {
    const { res, stored } = await register(registration({ submittedAt }));
    expect(res.status, res.text).toBe(400);
    expect(paths(res)).toEqual(['submittedAt']);
    expect(stored).toBe(404);
  });

  it('registers a dossier submitted 10 days ago', async () => {
    const { res } = await register(registration({ submittedAt: ago(10 * DAY) }));
    expect(res.status, res.text).toBe(201);
  });

  it.each([
    ['NUL', 'Nguyễn\u0000Văn A'],
    ['a right-to-left override', 'Nguyễn \u202EnăV'],
    ['BEL', 'Nguyễn\u0007Văn A'],
  ])('refuses an applicant name with %s with 400 naming applicant.fullName', async (_case, fullName) => {
    const { res, stored } = await register(registration({ fullName }));
    expect(res.status, res.text).toBe(400);
    expect(paths(res)).toEqual(['applicant.fullName']);
    expect(stored).toBe(404);
  });

  it('registers "Nguyễn Văn Ánh", typed with combining marks, stored precomposed', async () => {
    const { no, res } = await register(registration({ fullName: 'Nguye\u0302\u0303n Va\u0306n A\u0301nh' }));
    expect(res.status, res.text).toBe(201);
    expect((await api(`/v1/dossiers/${no}`, { token: agencyToken })).json.applicant.fullName).toBe('Nguyễn Văn Ánh');
  });

  it.each([
    ['recipient.fullName', { fullName: 'Trần\u202EB', phone: '0912345678' }, '12 Lê Lợi'],
    ['address.street', { fullName: 'Trần Thị B', phone: '0912345678' }, 'Số 18\u0000 Hoàng Diệu'],
  ])('refuses a delivery with a control or bidi character in %s', async (path, recipient, street) => {
    const { no } = await register(registration());
    const res = await api(`/v1/dossiers/${no}/delivery`, {
      token: citizenToken,
      body: { recipient, address: { provinceCode: '31', communeCode: '11311', street }, postagePayer: 'prepaid' },
    });
    expect(res.status, res.text).toBe(400);
    expect(paths(res)).toEqual([path]);
  });

  it.each([
    ['garbage', '%%%garbage'],
    ['base64url of "x"', b64('x')],
    ['base64url of {"pk":{"a":1}}', b64({ pk: { a: 1 } })],
    ['a key of another index partition', b64({ pk: 'PROC#1', sk: 'DEF', gsi1pk: 'AGENCY', gsi1sk: '1' })],
  ])('refuses a cursor that is %s with 400 naming cursor', async (_case, cursor) => {
    const res = await api(`/v1/procedures?limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(res.status, res.text).toBe(400);
    expect(paths(res)).toEqual(['cursor']);
  });

  it('still pages with the cursor it issued', async () => {
    const first = await api('/v1/procedures?limit=2');
    const second = await api(`/v1/procedures?limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`);
    expect(second.status).toBe(200);
    expect(second.json.items[0].code).not.toBe(first.json.items[0].code);
  });

  it.each(['/v1/dossiers/%', '/v1/dossiers/%E0%A4%A'])('answers 400 to %s (percent-encoding that does not decode)', async (path) => {
    // fetch would keep these as typed; the raw request line is what API Gateway judges.
    const res = await fetch(`${inject('baseUrl')}${path}`, { headers: { authorization: `Bearer ${agencyToken}` } });
    expect(res.status).toBe(400);
  });

  it('echoes to each of many concurrent requests its own correlation id', async () => {
    const { no } = await register(registration());
    const ids = Array.from({ length: 24 }, (_, i) => `bad-input-${i}-${Date.now()}`);
    const answers = await Promise.all(
      ids.map((id) => api(`/v1/dossiers/${no}`, { token: agencyToken, headers: { 'x-correlation-id': id } })),
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    expect(answers.map((a) => a.headers.get('x-correlation-id'))).toEqual(ids);
  });
});
