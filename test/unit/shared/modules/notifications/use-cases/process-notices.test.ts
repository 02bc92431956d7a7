import { describe, expect, it } from 'vitest';
import type { SendOutcome, NoticeChannelName } from '../../../../../../shared/modules/notifications/domain/fallback';
import type { NoticeChannel, OutboundNotice } from '../../../../../../shared/modules/notifications/ports';
import { enqueueNotice } from '../../../../../../shared/modules/notifications/use-cases/notices';
import { NoticeRetryError, processNoticeMessage, type NoticeDeps } from '../../../../../../shared/modules/notifications/use-cases/process-notices';
import { loadNotificationSettings } from '../../../../../../shared/modules/notifications/settings';
import { fakeEnqueueDeps } from '../../../../../fakes/notifications';
import { dossierOwing, event } from '../../../../../support/dossiers';
import type { Dossier, DossierEvent } from '../../../../../../shared/modules/dossiers';

class ScriptedChannel implements NoticeChannel {
  readonly sent: OutboundNotice[] = [];
  constructor(readonly name: NoticeChannelName, private readonly answers: SendOutcome[]) {}
  async send(notice: OutboundNotice): Promise<SendOutcome> {
    this.sent.push(notice);
    return this.answers.shift() ?? { kind: 'accepted', messageId: `${this.name}-${this.sent.length}`, final: this.name !== 'zns' };
  }
}

let now = new Date('2026-03-10T02:00:00Z'); // 09:00 in Viet Nam
const clock = { now: () => now };

function paid(): { dossier: Dossier; paidEvent: DossierEvent } {
  const paidEvent = event('PaymentSucceeded', { paymentId: 'p1', provider: 'vnpay', amount: 205_000, paidAt: now.toISOString() });
  const base = dossierOwing(205_000);
  const dossier: Dossier = { ...base, applicant: { ...base.applicant, email: 'a@example.vn' }, timeline: [...base.timeline, { at: now.toISOString(), from: 'AWAITING_PAYMENT', to: 'PROCESSING', cause: 'PaymentSucceeded', eventId: paidEvent.id, applied: true }] } as Dossier;
  return { dossier, paidEvent };
}

async function setup(answers: Partial<Record<NoticeChannelName, SendOutcome[]>> = {}, values: Record<string, string> = { NOTIFICATION_QUIET_HOURS: 'off' }) {
  now = new Date('2026-03-10T02:00:00Z');
  const enqueue = fakeEnqueueDeps(clock, values);
  const channels = { zns: new ScriptedChannel('zns', answers.zns ?? []), sms: new ScriptedChannel('sms', answers.sms ?? []), email: new ScriptedChannel('email', answers.email ?? []) };
  const deps: NoticeDeps = { store: enqueue.store, queue: enqueue.queue, channels, settings: loadNotificationSettings({ ZNS_RECEIPT_TIMEOUT_SECONDS: '600', ...values }), clock };
  const { dossier, paidEvent } = paid();
  const notice = (await enqueueNotice(enqueue, dossier, paidEvent))!;
  /** Runs what the queue holds now, as the consumer would. */
  const drain = async () => {
    const outcomes: string[] = [];
    for (const { message } of enqueue.queue.take()) outcomes.push(await processNoticeMessage(deps, message));
    return outcomes;
  };
  return { deps, enqueue, channels, notice, drain, id: notice.notificationId, dossier, paidEvent };
}

describe('Use case: notices from queue to ledger', () => {
  it('ZNS accepted, then its receipt: delivered at delivery_time; the same receipt again changes nothing', async () => {
    const { drain, enqueue, channels, id, deps } = await setup();
    expect(await drain()).toEqual(['accepted']);
    expect(channels.zns.sent[0]).toMatchObject({ notificationId: id, phone: '+84912345678' });
    expect(channels.zns.sent[0]!.message.text).toContain('205.000 đồng');
    const receipt = { type: 'receipt', trackingId: id, messageId: 'zns-1', deliveredAt: '2026-03-10T02:00:05.000Z' } as const;
    expect(await processNoticeMessage(deps, receipt)).toBe('delivered');
    const delivered = enqueue.store.notices.get(id)!;
    expect(await processNoticeMessage(deps, receipt)).toBe('duplicate');
    expect(enqueue.store.notices.get(id)).toEqual(delivered);
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: '2026-03-10T02:00:05.000Z' });
  });

  it.each(['-108', '-114', '-118', '-119', '-139', '-141'])('ZNS recipient error %s falls back to SMS at once', async (code) => {
    const { drain, enqueue, channels, id } = await setup({ zns: [{ kind: 'recipient', code }] });
    expect(await drain()).toEqual(['fallback']);
    expect(await drain()).toEqual(['sent']);
    expect(channels.sms.sent).toHaveLength(1);
    expect(enqueue.store.notices.get(id)).toMatchObject({ status: 'sent', channel: 'sms', attempts: [{ channel: 'zns', outcome: 'recipient', code }, { channel: 'sms', outcome: 'sent' }] });
  });

  it('no receipt within the timeout: the next channel', async () => {
    const { drain, enqueue, channels, id } = await setup();
    await drain();
    const [check] = enqueue.queue.sent;
    expect(check).toMatchObject({ message: { type: 'check', messageId: 'zns-1' }, delaySeconds: 600 });
    now = new Date(now.getTime() + 601_000);
    expect(await drain()).toEqual(['fallback']);
    expect(await drain()).toEqual(['sent']);
    expect(channels.sms.sent).toHaveLength(1);
    expect(enqueue.store.notices.get(id)!.attempts.map((a) => a.outcome)).toEqual(['accepted', 'receipt_timeout', 'sent']);
  });

  it('a temporary error is retried through the queue (the message fails), then sent', async () => {
    const { deps, channels, id, enqueue } = await setup({ zns: [{ kind: 'temporary', code: 'HTTP_503' }] });
    const [first] = enqueue.queue.take();
    await expect(processNoticeMessage(deps, first!.message)).rejects.toBeInstanceOf(NoticeRetryError);
    expect(enqueue.store.notices.get(id)).toMatchObject({ status: 'queued', channel: 'zns' });
    expect(await processNoticeMessage(deps, first!.message)).toBe('accepted');
    expect(channels.zns.sent).toHaveLength(2);
  });

  it('a citizen who turned every channel off: skipped, opted out, nothing sent', async () => {
    const { deps, enqueue, channels, id, drain, notice } = await setup();
    await deps.store.savePreferences('036099000123', { optedOut: ['zns', 'sms', 'email'] });
    const citizen = notice.citizenId;
    await deps.store.savePreferences(citizen, { optedOut: ['zns', 'sms', 'email'] });
    expect(await drain()).toEqual(['skipped']);
    expect(enqueue.store.notices.get(id)).toMatchObject({ status: 'skipped', reason: 'opted_out' });
    expect([...channels.zns.sent, ...channels.sms.sent, ...channels.email.sent]).toEqual([]);
  });

  it('ZNS turned off: SMS carries it', async () => {
    const { deps, channels, drain, notice } = await setup();
    await deps.store.savePreferences(notice.citizenId, { optedOut: ['zns'] });
    expect(await drain()).toEqual(['sent']);
    expect(channels.zns.sent).toEqual([]);
    expect(channels.sms.sent).toHaveLength(1);
  });

  it('due in the quiet hours: deferred to 06:00 Viet Nam time, not dropped', async () => {
    now = new Date('2026-03-10T16:30:00Z'); // 23:30 VN
    const enqueue = fakeEnqueueDeps(clock, {});
    const { dossier, paidEvent } = paid();
    const notice = (await enqueueNotice(enqueue, dossier, paidEvent))!;
    expect(notice.dueAt).toBe('2026-03-10T23:00:00.000Z');
    const zns = new ScriptedChannel('zns', []);
    const deps: NoticeDeps = { store: enqueue.store, queue: enqueue.queue, channels: { zns }, settings: loadNotificationSettings({}), clock };
    const [msg] = enqueue.queue.take();
    expect(await processNoticeMessage(deps, msg!.message)).toBe('deferred');
    expect(enqueue.queue.sent[0]!.delaySeconds).toBe(900);
    // On the ledger while it waits for the morning.
    expect(enqueue.store.notices.get(notice.notificationId)).toMatchObject({ status: 'queued', dueAt: '2026-03-10T23:00:00.000Z' });
    now = new Date('2026-03-10T23:00:00Z');
    expect(await processNoticeMessage(deps, msg!.message)).toBe('accepted');
    expect(zns.sent).toHaveLength(1);
  });

  it('the same event again (a redelivery) does not make a second notice or a second send', async () => {
    const { drain, enqueue, dossier, paidEvent, channels } = await setup();
    await drain();
    enqueue.queue.take(); // the receipt check
    await enqueueNotice(enqueue, dossier, paidEvent);
    expect(await drain()).toEqual(['nothing']);
    expect(enqueue.store.notices.size).toBe(1);
    expect(channels.zns.sent).toHaveLength(1);
  });

  it('two copies of the first message at the same moment: one claims (writes the first row), the other sends nothing', async () => {
    const { deps, enqueue, dossier, paidEvent, channels } = await setup();
    await enqueueNotice(enqueue, dossier, paidEvent);
    const [one, two] = enqueue.queue.take();
    expect(two!.message).toEqual(one!.message);
    const outcomes = await Promise.all([processNoticeMessage(deps, one!.message), processNoticeMessage(deps, two!.message)]);
    expect(outcomes.sort()).toEqual(['accepted', 'nothing']);
    expect(channels.zns.sent).toHaveLength(1);
  });

  it('the ledger is written by the sender: nothing at enqueue, then its claim, the accepted attempt and the receipt (3 writes)', async () => {
    const { drain, enqueue, id, deps } = await setup();
    const writes: string[] = [];
    const { create, save } = enqueue.store;
    enqueue.store.create = async (n) => (writes.push(`create ${n.status}`), create.call(enqueue.store, n));
    enqueue.store.save = async (n) => (writes.push(`save ${n.status}`), save.call(enqueue.store, n));
    expect(enqueue.store.notices.size).toBe(0);
    expect(await drain()).toEqual(['accepted']);
    await processNoticeMessage(deps, { type: 'receipt', trackingId: id, messageId: 'zns-1', deliveredAt: '2026-03-10T02:00:05.000Z' });
    expect(writes).toEqual(['create sending', 'save accepted', 'save delivered']);
  });
});
