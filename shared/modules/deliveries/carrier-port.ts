import type { FailureReason } from './domain/failure-reason';
import type { DeliveryStatus } from './domain/status';

export interface PostalAddress {
  readonly provinceCode: string;
  readonly communeCode: string;
  readonly street: string;
}

/** An order to carry one result from the agency to the applicant. */
export interface PostalOrder {
  /** Our delivery id: the carrier deduplicates on it, so a retried create cannot ship twice. */
  readonly orderNumber: string;
  readonly sender: { readonly name: string; readonly phone?: string; readonly address: PostalAddress };
  readonly recipient: { readonly fullName: string; readonly phone: string };
  readonly address: PostalAddress;
  readonly weightGrams: number;
  /** VND the carrier collects from the recipient (postage paid on delivery); 0 when prepaid. */
  readonly codAmount: number;
  readonly note?: string;
}

export interface TrackingEvent {
  /** Our status for the carrier's code; undefined when the code is unknown (see `unknownCodes`). */
  readonly status?: DeliveryStatus;
  readonly carrierCode: string;
  readonly occurredAt: string;
  readonly location?: string;
  readonly reason?: FailureReason;
  readonly description?: string;
}

export interface Tracking {
  readonly trackingNumber: string;
  readonly status: DeliveryStatus;
  /** Oldest first. */
  readonly events: readonly TrackingEvent[];
  /** Carrier codes no table maps, for the caller to report; they never move a status. */
  readonly unknownCodes: readonly string[];
}

/** Our outbound calls to the postal carrier. */
export interface PostalService {
  /** Idempotent on `order.orderNumber`: a repeat answers the tracking number of the first order. */
  createOrder(order: PostalOrder): Promise<{ trackingNumber: string }>;
  cancelOrder(orderNumber: string): Promise<void>;
  /** The carrier's view, for the scheduled reconciliation of deliveries whose webhooks went missing. */
  getTracking(trackingNumber: string): Promise<Tracking>;
}

/**
 * Base of the carrier's failures. Callers decide by `retryable` (or by class), never by message:
 * retryable failures go back to the queue, the others need a person.
 */
export abstract class PostalServiceError extends Error {
  abstract readonly retryable: boolean;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** Network failure, timeout, 5xx, 408 or 429: the same request may succeed later. */
export class PostalServiceUnavailableError extends PostalServiceError {
  readonly retryable = true;
}

/**
 * The carrier refused our credentials. Retryable on purpose: it is a configuration fault affecting
 * every order, so orders wait in the queue (or its DLQ, for redrive) until an operator fixes it.
 */
export class PostalAuthenticationError extends PostalServiceUnavailableError {}

/** The carrier refused this request (4xx): sending it again unchanged will fail again. */
export class PostalOrderRejectedError extends PostalServiceError {
  readonly retryable = false;

  constructor(
    message: string,
    readonly httpStatus: number,
    readonly carrierMessage?: string,
  ) {
    super(message);
  }
}
