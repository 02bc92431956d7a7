import type { DeliveryStatus } from './status';
import { DELIVERY_STATUSES } from './status';

/**
 * A carrier's wire vocabulary for statuses: its numeric codes and the names it may send. Each
 * carrier declares its own (carriers/<name>/status-codes.ts); the mapping below stays pure.
 */
export interface CarrierCodeTables {
  readonly numeric: Readonly<Record<number, DeliveryStatus>>;
  readonly names: Readonly<Record<string, DeliveryStatus>>;
}

/**
 * Status names as tracking aggregators normalise them (EasyPost, AfterShip), which carriers and
 * their brokers commonly send. `exception` is broader than loss at those vendors (held, damaged);
 * it maps to LOST so a person looks at the delivery.
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

const OUR_NAMES = new Set<string>(DELIVERY_STATUSES);

/**
 * Our status for what a carrier sent: one of our names in any case, a vendor name (`Out for
 * delivery`, `out-for-delivery`), or a numeric code as a number or numeric string. Undefined when
 * the input is unknown: the caller reports it instead of guessing.
 */
export function deliveryStatusFromCarrier(input: string | number, tables: CarrierCodeTables): DeliveryStatus | undefined {
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
