import { VENDOR_STATUS_NAMES, type CarrierCodeTables } from '../../domain/carrier-status';
import type { DeliveryStatus } from '../../domain/status';

/**
 * VNPost-style numeric status codes (unverified). domain.md confirms only 14 delivered, 15 delivery
 * failed and 20 partly returned, seen in public integrations; the others are plausible placeholders.
 * This is the carrier's wire vocabulary: replace the table once the carrier's contract lists its
 * codes; the mapping logic (deliveryStatusFromCarrier) does not change.
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

/** What VNPost sends: its numeric codes, or the aggregators' normalised names. */
export const VNPOST_CODES: CarrierCodeTables = { numeric: VNPOST_STATUS_CODES, names: VENDOR_STATUS_NAMES };
