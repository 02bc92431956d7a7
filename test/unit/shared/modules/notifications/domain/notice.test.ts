import { describe, expect, it } from 'vitest';
import { NOTICE_CAUSES, NOTICE_STATUSES, NoticeMachine, notificationIdOf } from '../../../../../../shared/modules/notifications/domain/notice';

describe('Notice ledger machine', () => {
  it('every status and cause appears in the table; only delivered, skipped are terminal', () => {
    for (const s of NOTICE_STATUSES) expect(NoticeMachine.edges.some((e) => e.from === s || e.to === s), s).toBe(true);
    for (const c of NOTICE_CAUSES) expect(NoticeMachine.edges.some((e) => e.on === c), c).toBe(true);
    expect(NoticeMachine.terminalStatuses().sort()).toEqual(['delivered', 'skipped']);
  });

  it('a delivered notice cannot be delivered again or fall back', () => {
    expect(NoticeMachine.accepts('delivered', 'Delivered')).toBe(false);
    expect(NoticeMachine.accepts('delivered', 'FallBack')).toBe(false);
    expect(() => NoticeMachine.assert('accepted', 'sending', 'Claim')).toThrow(/cannot move a notice/);
  });

  it('the notification id is stable per event, alphanumeric and within the 48 characters of tracking_id', () => {
    const id = notificationIdOf('evt-000.00.01.H31-261006-0001-pay');
    expect(id).toBe(notificationIdOf('evt-000.00.01.H31-261006-0001-pay'));
    expect(id).toMatch(/^[a-z0-9]{1,48}$/);
    expect(notificationIdOf('other')).not.toBe(id);
  });
});
