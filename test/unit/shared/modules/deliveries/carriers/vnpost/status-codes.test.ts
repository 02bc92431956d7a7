import { describe, expect, it } from 'vitest';
import { deliveryStatusFromCarrier as mapWith, VENDOR_STATUS_NAMES } from '../../../../../../../shared/modules/deliveries/domain/carrier-status';
import { VNPOST_CODES, VNPOST_STATUS_CODES } from '../../../../../../../shared/modules/deliveries/carriers/vnpost/status-codes';
import { DELIVERY_STATUSES } from '../../../../../../../shared/modules/deliveries/domain/status';
import type { CarrierCodeTables } from '../../../../../../../shared/modules/deliveries/domain/carrier-status';

/** The pure mapping read with VNPost's tables, as the webhook and the client read it. */
const deliveryStatusFromCarrier = (input: string | number, tables: CarrierCodeTables = VNPOST_CODES) => mapWith(input, tables);

describe('Function: deliveryStatusFromCarrier', () => {
  it.each(DELIVERY_STATUSES.flatMap((s) => [[s, s], [s.toLowerCase(), s], [` ${s.toLowerCase().replaceAll('_', ' ')} `, s]]))('maps our own name %j to %s', (input, status) => {
    expect(deliveryStatusFromCarrier(input)).toBe(status);
  });

  it.each([
    ['pre_transit', 'ORDER_CREATED'],
    ['info_received', 'ORDER_CREATED'],
    ['in_transit', 'IN_TRANSIT'],
    ['out_for_delivery', 'OUT_FOR_DELIVERY'],
    ['Out for delivery', 'OUT_FOR_DELIVERY'],
    ['out-for-delivery', 'OUT_FOR_DELIVERY'],
    ['delivered', 'DELIVERED'],
    ['failure', 'ATTEMPT_FAILED'],
    ['failed_attempt', 'ATTEMPT_FAILED'],
    ['Failed_Attempt', 'ATTEMPT_FAILED'],
    ['available_for_pickup', 'AVAILABLE_AT_POST_OFFICE'],
    ['return_to_sender', 'RETURNED_TO_AGENCY'],
    ['returned_to_sender', 'RETURNED_TO_AGENCY'],
    ['cancelled', 'CANCELLED'],
    ['canceled', 'CANCELLED'],
    ['lost', 'LOST'],
    ['exception', 'LOST'],
  ])('maps the vendor name %j to %s', (input, status) => {
    expect(deliveryStatusFromCarrier(input)).toBe(status);
  });

  const numeric: Array<[number, string]> = [
    [1, 'ORDER_CREATED'],
    [2, 'PICKED_UP'],
    [3, 'IN_TRANSIT'],
    [4, 'IN_TRANSIT'],
    [5, 'IN_TRANSIT'],
    [6, 'IN_TRANSIT'],
    [7, 'OUT_FOR_DELIVERY'],
    [14, 'DELIVERED'],
    [15, 'ATTEMPT_FAILED'],
    [16, 'AVAILABLE_AT_POST_OFFICE'],
    [17, 'RETURNED_TO_AGENCY'],
    [18, 'RETURNED_TO_AGENCY'],
    [19, 'RETURNED_TO_AGENCY'],
    [20, 'RETURNED_TO_AGENCY'],
    [21, 'CANCELLED'],
    [22, 'LOST'],
  ];

  it('covers every row of the numeric table in this test', () => {
    expect(Object.keys(VNPOST_STATUS_CODES).map(Number).sort((a, b) => a - b)).toEqual(numeric.map(([code]) => code));
  });

  it('covers every vendor name and maps each to one of our statuses', () => {
    for (const status of Object.values(VENDOR_STATUS_NAMES)) expect(DELIVERY_STATUSES).toContain(status);
  });

  it.each(numeric.flatMap(([code, status]) => [[code, status], [String(code), status], [` ${String(code).padStart(2, '0')} `, status]]))('maps the VNPost code %j to %s', (input, status) => {
    expect(deliveryStatusFromCarrier(input)).toBe(status);
  });

  it('confirms the codes domain.md names: 14 delivered, 15 failed, 20 partly returned', () => {
    expect([14, 15, 20].map((code) => deliveryStatusFromCarrier(code))).toEqual(['DELIVERED', 'ATTEMPT_FAILED', 'RETURNED_TO_AGENCY']);
  });

  it.each([[0], [8], [13], [23], [99], ['999'], [14.5], [-14], ['-14'], ['1e1'], ['delivered_ok'], ['đã phát'], [''], ['   '], ['constructor'], ['__proto__'], ['toString']])(
    'answers undefined for the unknown input %j',
    (input) => {
      expect(deliveryStatusFromCarrier(input)).toBeUndefined();
    },
  );

  it('uses a replacement table when one is configured', () => {
    const tables = { ...VNPOST_CODES, numeric: { 100: 'DELIVERED' as const } };
    expect(deliveryStatusFromCarrier(100, tables)).toBe('DELIVERED');
    expect(deliveryStatusFromCarrier(14, tables)).toBeUndefined();
    expect(deliveryStatusFromCarrier('delivered', tables)).toBe('DELIVERED');
  });
});
