import { createHash } from 'node:crypto';
import type { Delivery, DeliveryTimelineEntry } from './delivery';

/**
 * How many timeline entries stay on the delivery item itself. The item is rewritten on every event
 * and DynamoDB refuses items over 400 KB, so older entries move to their own items (archived, in
 * order) and the item stays small however chatty the carrier is. 50 entries of at most ~2.5 KB each
 * (a 256-character event id, location, reason, note) keep it near 125 KB at worst.
 */
export const TIMELINE_ON_DELIVERY = 50;

export interface ArchivedTimelineEntry {
  /** Position on the whole timeline, from 0: archive items sort by it. */
  readonly seq: number;
  readonly entry: DeliveryTimelineEntry;
}

/**
 * Keeps the newest `max` entries on the delivery and hands back the older ones to archive, numbered
 * after those archived before. Pure: the store writes both in the same conditional transaction.
 */
export function boundTimeline(delivery: Delivery, max = TIMELINE_ON_DELIVERY): { readonly delivery: Delivery; readonly archive: readonly ArchivedTimelineEntry[] } {
  const overflow = delivery.timeline.length - max;
  if (overflow <= 0) return { delivery, archive: [] };
  const archivedBefore = delivery.timelineArchived ?? 0;
  return {
    delivery: { ...delivery, timeline: delivery.timeline.slice(overflow), timelineArchived: archivedBefore + overflow },
    archive: delivery.timeline.slice(0, overflow).map((entry, i) => ({ seq: archivedBefore + i, entry })),
  };
}

/**
 * A fixed-length key for a carrier's event id (base64url SHA-256 of its UTF-8 bytes, 43 characters):
 * used in our dossier event ids and the deduplication marker. Carrier ids are free text of any
 * length; cutting them to fit made two events of one parcel share an id when their ids shared a long
 * prefix, so the second never reached the dossier. The raw id stays on the timeline entry.
 */
export function carrierEventKey(carrierEventId: string): string {
  return createHash('sha256').update(carrierEventId, 'utf8').digest('base64url');
}
