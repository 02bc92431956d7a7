import { DEFAULT_SETTLEMENT_FORMATS, writeSettlementFile } from '../../shared/modules/finance/settlement-file';
import { vietnamDate } from '../../shared/platform/kernel/time';
import { PLANTS, type Plant } from './vnpay-bank-books';

/** The same differences as the gateway's file: `missing`, `amount`, `extra` (see {@link VietqrBankBooks.statement}). */
export { PLANTS, type Plant };

/** A transfer the sandbox bank made: the content the payer typed, the amount, the bank's own id and the instant. */
export interface BookedTransfer {
  readonly reference: string;
  readonly amount: number;
  readonly transactionId: string;
  readonly at: Date;
}

/**
 * The bank's booking date of a transfer (a Viet Nam date): from the 22:00 cut-off on, a transfer is
 * booked on the next day; one made 00:00–05:00 already is that day. The bank's own rule, written
 * apart from finance's bookingDate so that reconciliation is checked against the bank, not itself.
 */
export function bankBookingDate(at: Date): string {
  // Two hours later, 22:00 Viet Nam time is midnight: the cut-off becomes the change of date.
  return vietnamDate(new Date(at.getTime() + 2 * 3600_000));
}

/**
 * The sandbox bank's account statement for VietQR transfers: every transfer it made to the
 * collecting account, whatever our webhook answered (the money moved either way), and the day-T
 * statement of them in the vietqr settlement format (shared/modules/finance/settlement-file.ts).
 */
export class VietqrBankBooks {
  private readonly transfers: BookedTransfer[] = [];

  record(transfer: BookedTransfer): void {
    this.transfers.push(transfer);
  }

  /**
   * The statement of booking day T (a Viet Nam date): the transfers booked on T, oldest first.
   * Planted: `missing` drops the first line (a transfer we booked that the bank does not show),
   * `amount` takes 1 000 VND off the next one, `extra` adds a transfer we never heard of.
   */
  statement(day: string, plants: readonly Plant[]): string {
    const lines = this.transfers
      .filter((t) => bankBookingDate(t.at) === day)
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.transactionId.localeCompare(b.transactionId));
    if (plants.includes('missing')) lines.shift();
    if (plants.includes('amount') && lines[0]) lines[0] = { ...lines[0], amount: Math.max(1_000, lines[0].amount - 1_000) };
    const compact = day.replace(/-/g, '');
    if (plants.includes('extra')) lines.push({ reference: `SANDBOX-EXTRA-${compact}`, transactionId: `FT${compact}99999`, amount: 10_000, at: new Date(`${day}T03:00:00Z`) });
    return writeSettlementFile(lines, DEFAULT_SETTLEMENT_FORMATS.vietqr!);
  }
}
