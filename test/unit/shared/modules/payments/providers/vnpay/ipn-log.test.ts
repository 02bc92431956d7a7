import { afterEach, describe, expect, it, vi } from 'vitest';
import { toVnpAmount } from '../../../../../../../shared/modules/payments/providers/vnpay/protocol';
import { logger } from '../../../../../../../shared/platform/observability/logger';
import { vnpayIpnSetup, type VnpayIpnSetup } from '../../../../../../support/vnpay-ipn';

/** The `vnpay ipn` lines written at a level, with their attributes. */
function ipnLines(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls.filter(([message]) => message === 'vnpay ipn').map(([, attributes]) => attributes as Record<string, unknown>);
}

afterEach(() => vi.restoreAllMocks());

describe('Function: answerIpn (its log line)', () => {
  it.each([
    ['a wrong secret', (s: VnpayIpnSetup) => s.ipn({}, 'not-the-secret'), '97', /vnp_SecureHash does not verify/],
    ['another merchant', (s: VnpayIpnSetup) => s.ipn({ vnp_TmnCode: 'TMN99999' }), '97', /vnp_TmnCode is not our merchant code/],
    ['an unknown order', (s: VnpayIpnSetup) => s.ipn({ vnp_TxnRef: 'NOSUCHORDER' }), '01', /no payment has this vnp_TxnRef/],
    ['another amount', (s: VnpayIpnSetup) => s.ipn({ vnp_Amount: toVnpAmount(4_000) }), '04', /vnp_Amount differs/],
  ])('names the reason of its reply to %s in one warning', async (_case, build, rspCode, reason) => {
    // Prepare
    const s = vnpayIpnSetup();
    const warn = vi.spyOn(logger, 'warn');
    // Act
    const reply = await s.answer(build(s));
    // Assess
    expect(reply.RspCode).toBe(rspCode);
    expect(ipnLines(warn)).toEqual([expect.objectContaining({ rspCode, reason: expect.stringMatching(reason) })]);
  });

  it('names the reason of a 02 to a replay at info (VNPay retries are expected), and writes a 00 without one', async () => {
    const s = vnpayIpnSetup();
    const info = vi.spyOn(logger, 'info');
    const warn = vi.spyOn(logger, 'warn');

    await s.answer(s.ipn());
    expect(ipnLines(info)).toEqual([{ txnRef: expect.any(String), rspCode: '00' }]);
    expect(ipnLines(warn)).toEqual([]);

    await s.answer(s.ipn());
    expect(ipnLines(info).at(-1)).toEqual(expect.objectContaining({ rspCode: '02', reason: expect.stringMatching(/already settled/) }));
    expect(ipnLines(warn)).toEqual([]);
  });

  it('names the failure class of a 99, never its message (which may carry data)', async () => {
    const s = vnpayIpnSetup();
    s.store.settle = async () => {
      throw new TypeError('item {"phone":"0912345678"} rejected');
    };
    const warn = vi.spyOn(logger, 'warn');
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    expect((await s.answer(s.ipn())).RspCode).toBe('99');
    const [line] = ipnLines(warn);
    expect(line).toMatchObject({ rspCode: '99', reason: expect.stringMatching(/processing failed \(TypeError\)/) });
    expect(JSON.stringify(line)).not.toContain('0912345678');
  });
});
