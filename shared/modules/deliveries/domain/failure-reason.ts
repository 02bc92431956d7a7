import type { BilingualText } from '../../../platform/kernel/vocabulary';

/** Why a postal item could not be delivered (Postal Law 49/2010, Art. 17). */
export const FAILURE_REASONS = ['bad_address', 'moved', 'not_found', 'refused', 'absent_after_invitations'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const FailureReasonLabels: Readonly<Record<FailureReason, BilingualText>> = {
  bad_address: { vi: 'Địa chỉ không chính xác', en: 'Incorrect address' },
  moved: { vi: 'Người nhận đã chuyển đi nơi khác', en: 'Recipient has moved away' },
  not_found: { vi: 'Không tìm thấy người nhận', en: 'Recipient not found' },
  refused: { vi: 'Người nhận từ chối nhận', en: 'Recipient refused the item' },
  absent_after_invitations: { vi: 'Người nhận vắng mặt sau các lần mời nhận', en: 'Recipient absent after the delivery invitations' },
};

const KNOWN = new Set<string>(FAILURE_REASONS);

export function isFailureReason(value: unknown): value is FailureReason {
  return typeof value === 'string' && KNOWN.has(value);
}
