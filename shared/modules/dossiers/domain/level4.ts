import type { Channel } from '../../../platform/kernel/vocabulary';
import type { Dossier, ReturnChannel } from './dossier';

/** How the fees were settled, for level 4: online, nothing owed, or otherwise. */
export const LEVEL4_PAYMENT_CHANNELS = ['online', 'none_owed', 'not_online'] as const;
export type Level4PaymentChannel = (typeof LEVEL4_PAYMENT_CHANNELS)[number];

/** Level-4 (toàn trình) completion: submitted online, fees paid online or none owed, result online or by post. */
export interface Level4 {
  readonly completed: boolean;
  readonly completedAt?: string;
  readonly submissionChannel?: Channel;
  readonly paymentChannel?: Level4PaymentChannel;
  readonly returnChannel?: ReturnChannel;
  /** Why a returned dossier does not count as level 4. */
  readonly reason?: string;
}

/**
 * Level-4 (toàn trình) completion at the moment the result reaches the citizen: submitted online,
 * every fee owed paid online (or nothing owed), and the result returned electronically or by post.
 */
export function level4Completion(dossier: Dossier, returnChannel: ReturnChannel, at: string): Level4 {
  const owed = dossier.fees.total + dossier.extraCharges > 0;
  const paidOnline = dossier.payments.some((p) => p.status === 'succeeded' && !p.refundReview);
  const paymentChannel = !owed ? 'none_owed' : dossier.amountDue === 0 && paidOnline ? 'online' : 'not_online';
  const reasons = [
    dossier.channel !== 'online' ? `submitted by ${dossier.channel}` : undefined,
    paymentChannel === 'not_online' ? 'fees not paid online' : undefined,
    returnChannel === 'counter' ? 'result collected at the counter' : undefined,
  ].filter((r): r is string => r !== undefined);
  return {
    completed: reasons.length === 0,
    ...(reasons.length === 0 ? { completedAt: at } : { reason: reasons.join('; ') }),
    submissionChannel: dossier.channel,
    paymentChannel,
    returnChannel,
  };
}
