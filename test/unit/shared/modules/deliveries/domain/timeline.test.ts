import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../../../../shared/modules/deliveries/domain/delivery';
import { boundTimeline, carrierEventKey, TIMELINE_ON_DELIVERY } from '../../../../../../shared/modules/deliveries/domain/timeline';
import type { DeliveryTimelineEntry } from '../../../../../../shared/modules/deliveries/domain/delivery';

const at = '2026-01-01T00:00:00.000Z';
const entry = (n: number): DeliveryTimelineEntry => ({ at, receivedAt: at, status: 'IN_TRANSIT', moved: false, source: 'webhook', eventId: `e${n}` });
const delivery = (timeline: DeliveryTimelineEntry[], timelineArchived?: number): Delivery => ({
  deliveryId: 'dlv_1', dossierNo: 'H31.26-1', citizenId: '031088123456', agencyCode: 'HP', status: 'IN_TRANSIT', trackingNumber: 'EB1VN',
  postage: 22_000, postagePayer: 'prepaid', codAmount: 0, recipient: { fullName: 'A', phone: '0913222333' },
  address: { provinceCode: '31', communeCode: '11311', street: '1' }, addressCheck: { communeChecked: true }, weightGrams: 50, failedAttempts: 0,
  timeline, statusAt: at, version: 1, createdAt: at, updatedAt: at, ...(timelineArchived !== undefined ? { timelineArchived } : {}),
});

describe('boundTimeline', () => {
  it('leaves a short timeline alone', () => {
    const d = delivery([entry(0), entry(1)]);
    expect(boundTimeline(d)).toEqual({ delivery: d, archive: [] });
  });

  it('keeps the newest entries and numbers the archived ones after those archived before', () => {
    const d = delivery(Array.from({ length: TIMELINE_ON_DELIVERY + 2 }, (_, i) => entry(100 + i)), 100);
    const { delivery: kept, archive } = boundTimeline(d);
    expect(kept.timeline).toHaveLength(TIMELINE_ON_DELIVERY);
    expect(kept.timeline[0]!.eventId).toBe('e102');
    expect(kept.timelineArchived).toBe(102);
    expect(archive).toEqual([{ seq: 100, entry: entry(100) }, { seq: 101, entry: entry(101) }]);
  });

  it('over any run of events, archive + kept is the whole timeline in order, the item never over the bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 60 }), (max, appends) => {
        let d = delivery([]);
        const archived: { seq: number; entry: DeliveryTimelineEntry }[] = [];
        let n = 0;
        for (const count of appends) {
          const bounded = boundTimeline({ ...d, timeline: [...d.timeline, ...Array.from({ length: count }, () => entry(n++))] }, max);
          d = bounded.delivery;
          archived.push(...bounded.archive);
          if (d.timeline.length > max) return false;
        }
        expect(archived.map((a) => a.seq)).toEqual(archived.map((_, i) => i));
        expect([...archived.map((a) => a.entry), ...d.timeline].map((e) => e.eventId)).toEqual(Array.from({ length: n }, (_, i) => `e${i}`));
        return (d.timelineArchived ?? 0) === archived.length;
      }),
    );
  });
});

describe('carrierEventKey', () => {
  it('tells apart long carrier ids that share a prefix longer than our id budget, and is deterministic', () => {
    const prefix = 'VNPOST-EVENT-'.padEnd(150, '0');
    const a = carrierEventKey(`${prefix}-OUT-FOR-DELIVERY-${'a'.repeat(60)}`);
    const b = carrierEventKey(`${prefix}-DELIVERED-${'b'.repeat(60)}`);
    expect(a).not.toBe(b);
    expect(carrierEventKey(`${prefix}-DELIVERED-${'b'.repeat(60)}`)).toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
