import type { Dossier, Level4, ReturnChannel } from './dossier';

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
