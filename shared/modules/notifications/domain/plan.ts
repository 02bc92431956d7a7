import type { Dossier, DossierEvent } from '../../dossiers';
import type { FailureReason } from '../../deliveries';
import { fitName, formatVnd, type NoticeKind } from './templates';

/** Short reasons for a failed delivery attempt, within the ZNS 30-character limit (the carrier's own labels are longer). */
const ATTEMPT_REASONS: Readonly<Record<FailureReason, string>> = {
  bad_address: 'Địa chỉ không chính xác',
  moved: 'Người nhận đã chuyển đi',
  not_found: 'Không tìm thấy người nhận',
  refused: 'Người nhận từ chối nhận',
  absent_after_invitations: 'Vắng mặt sau các lần mời',
};
const OTHER_REASON = 'Không liên lạc được';

/** How a ready result reaches the citizen, ≤30 characters (ZNS label). */
export const RESULT_ROUTES = {
  electronic: 'Tải bản điện tử trên Cổng DVC',
  postal: 'Chuyển phát qua bưu điện',
  counter: 'Nhận tại bộ phận một cửa',
} as const;

export interface NoticeRequest {
  readonly kind: NoticeKind;
  readonly params: Readonly<Record<string, string>>;
}

/** What the planner may need besides the dossier and the event (looked up by the reaction). */
export interface PlanContext {
  /** The parcel's tracking number, for a parcel handed to the post. */
  readonly trackingNumber?: string;
  /** Where a citizen pays again (the portal's page for this dossier). */
  readonly payAgainUrl: (dossierNo: string) => string;
}

/** Whether the dossier applied this event (an event refused in the state it found is only recorded: no notice). */
export function wasApplied(dossier: Dossier, event: DossierEvent): boolean {
  return dossier.timeline.some((t) => t.eventId === event.id && t.applied);
}

/** The kind of notice an event calls for, before any lookup; undefined when it calls for none. */
export function noticeKindOf(dossier: Dossier, event: DossierEvent): NoticeKind | undefined {
  switch (event.type) {
    case 'PaymentSucceeded':
      // Money the dossier did not want goes to refund review, not to a "thank you" message.
      return dossier.payments.some((p) => p.paymentId === event.paymentId && p.refundReview === true) ? undefined : 'payment_received';
    case 'PaymentFailed':
      return 'payment_failed';
    case 'SupplementRequested':
      return 'supplement_requested';
    case 'ResultReady':
      return 'result_ready';
    case 'DeliveryStatusChanged':
      switch (event.status) {
        case 'PICKED_UP':
          return 'parcel_handed_over';
        case 'ATTEMPT_FAILED':
          return 'delivery_attempt_failed';
        case 'RETURNED_TO_AGENCY':
          return 'returned_to_agency';
        case 'DELIVERED':
          return 'delivered';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}

/** The notice for an applied event: its kind and parameters (name and dossier number only, no other personal data). */
export function planNotice(dossier: Dossier, event: DossierEvent, context: PlanContext): NoticeRequest | undefined {
  const kind = noticeKindOf(dossier, event);
  if (!kind) return undefined;
  const base = { ten: fitName(dossier.applicant.fullName), ma_ho_so: dossier.dossierNo };
  switch (event.type) {
    case 'PaymentSucceeded':
      return { kind, params: { ...base, so_tien: formatVnd(event.amount) } };
    case 'PaymentFailed':
      return { kind, params: { ...base, lien_ket: context.payAgainUrl(dossier.dossierNo) } };
    case 'ResultReady': {
      const route = event.kind === 'electronic' ? RESULT_ROUTES.electronic : dossier.delivery ? RESULT_ROUTES.postal : RESULT_ROUTES.counter;
      return { kind, params: { ...base, cach_nhan: route } };
    }
    case 'DeliveryStatusChanged':
      if (kind === 'parcel_handed_over') {
        if (!context.trackingNumber) throw new Error(`delivery ${event.deliveryId} has no tracking number yet`);
        return { kind, params: { ...base, ma_buu_gui: context.trackingNumber } };
      }
      if (kind === 'delivery_attempt_failed') {
        const reason = event.reason && event.reason in ATTEMPT_REASONS ? ATTEMPT_REASONS[event.reason as FailureReason] : OTHER_REASON;
        return { kind, params: { ...base, ly_do: reason } };
      }
      return { kind, params: base };
    default:
      return { kind, params: base };
  }
}
