import * as z from 'zod';
import type { BilingualText } from '../../../platform/api/common';
import type { DeliveryStatus } from './status';
import { DELIVERY_STATUSES } from './status';

/**
 * VNPost-style numeric status codes (unverified). domain.md confirms only 14 delivered, 15 delivery
 * failed and 20 partly returned, seen in public integrations; the others are plausible placeholders.
 * This is configuration: replace the table once the carrier's contract lists its codes, and pass it
 * to `deliveryStatusFromCarrier` rather than editing the mapping logic.
 */
export const VNPOST_STATUS_CODES: Readonly<Record<number, DeliveryStatus>> = {
  1: 'ORDER_CREATED', // order accepted by the carrier
  2: 'PICKED_UP', // collected from the agency
  3: 'IN_TRANSIT',
  4: 'IN_TRANSIT',
  5: 'IN_TRANSIT',
  6: 'IN_TRANSIT',
  7: 'OUT_FOR_DELIVERY',
  14: 'DELIVERED',
  15: 'ATTEMPT_FAILED',
  16: 'AVAILABLE_AT_POST_OFFICE',
  // Returning and returned both end at the agency: the dossier only needs to know it is coming back.
  17: 'RETURNED_TO_AGENCY',
  18: 'RETURNED_TO_AGENCY',
  19: 'RETURNED_TO_AGENCY',
  // Partly returned: a result is one document, so any return means the applicant did not get it.
  20: 'RETURNED_TO_AGENCY',
  21: 'CANCELLED',
  22: 'LOST',
};

/**
 * Status names as tracking aggregators normalise them (EasyPost, AfterShip). `exception` is broader
 * than loss at those vendors (held, damaged); it maps to LOST so a person looks at the delivery.
 */
export const VENDOR_STATUS_NAMES: Readonly<Record<string, DeliveryStatus>> = {
  pre_transit: 'ORDER_CREATED',
  info_received: 'ORDER_CREATED',
  in_transit: 'IN_TRANSIT',
  out_for_delivery: 'OUT_FOR_DELIVERY',
  delivered: 'DELIVERED',
  failure: 'ATTEMPT_FAILED',
  failed_attempt: 'ATTEMPT_FAILED',
  available_for_pickup: 'AVAILABLE_AT_POST_OFFICE',
  return_to_sender: 'RETURNED_TO_AGENCY',
  returned_to_sender: 'RETURNED_TO_AGENCY',
  cancelled: 'CANCELLED',
  canceled: 'CANCELLED',
  lost: 'LOST',
  exception: 'LOST',
};

export interface CarrierCodeTables {
  readonly numeric: Readonly<Record<number, DeliveryStatus>>;
  readonly names: Readonly<Record<string, DeliveryStatus>>;
}

export const DEFAULT_CARRIER_CODES: CarrierCodeTables = { numeric: VNPOST_STATUS_CODES, names: VENDOR_STATUS_NAMES };

const OUR_NAMES = new Set<string>(DELIVERY_STATUSES);

/**
 * Our status for what a carrier sent: one of our names in any case, a vendor name (`Out for
 * delivery`, `out-for-delivery`), or a numeric code as a number or numeric string. Undefined when
 * the input is unknown: the caller reports it instead of guessing.
 */
export function deliveryStatusFromCarrier(input: string | number, tables: CarrierCodeTables = DEFAULT_CARRIER_CODES): DeliveryStatus | undefined {
  if (typeof input === 'number') return Number.isInteger(input) ? own(tables.numeric, input) : undefined;
  const text = input.trim();
  if (/^\d{1,6}$/.test(text)) return own(tables.numeric, Number(text));
  const name = text.toLowerCase().replace(/[\s-]+/g, '_');
  if (OUR_NAMES.has(name.toUpperCase())) return name.toUpperCase() as DeliveryStatus;
  return own(tables.names, name);
}

/** Own properties only, so `constructor` or `__proto__` from a carrier never maps to anything. */
function own<K extends string | number>(table: Readonly<Record<K, DeliveryStatus>>, key: K): DeliveryStatus | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Why a postal item could not be delivered (Postal Law 49/2010, Art. 17). */
export const FailureReasonSchema = z.enum(['bad_address', 'moved', 'not_found', 'refused', 'absent_after_invitations']);
export type FailureReason = z.infer<typeof FailureReasonSchema>;

export const FailureReasonLabels: Readonly<Record<FailureReason, BilingualText>> = {
  bad_address: { vi: 'Địa chỉ không chính xác', en: 'Incorrect address' },
  moved: { vi: 'Người nhận đã chuyển đi nơi khác', en: 'Recipient has moved away' },
  not_found: { vi: 'Không tìm thấy người nhận', en: 'Recipient not found' },
  refused: { vi: 'Người nhận từ chối nhận', en: 'Recipient refused the item' },
  absent_after_invitations: { vi: 'Người nhận vắng mặt sau các lần mời nhận', en: 'Recipient absent after the delivery invitations' },
};
