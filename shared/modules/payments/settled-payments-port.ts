import type { Payment } from './domain/payment';

/** Succeeded payments not yet seen recorded by their dossier: what payment reconciliation reads. */
export interface SettledPayments {
  /** Up to `limit`, settled before `settledBefore`, oldest first, after `after` when given (paging). */
  succeededUnconfirmed(settledBefore: Date, limit: number, after?: Payment): Promise<readonly Payment[]>;
  /** The dossier records this payment: it leaves the set. */
  confirmRecordedByDossier(payment: Payment): Promise<void>;
}
