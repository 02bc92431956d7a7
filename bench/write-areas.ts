/**
 * Which part of the system a lifecycle write belongs to, for the profile of the writes goal: the
 * dossier's own state path (the dossier, its events, list rows and KPI counters, written with it),
 * the payment, or a reaction module (each reaction adds its writes to every dossier of the city).
 * Keyed by the written item's partition-key family (and sort-key family in a dossier's partition).
 */
const PAYMENT_FAMILIES = new Set(['PAYMENT', 'PAYREF', 'PAYTXN', 'IDEMP', 'FINBOOK', 'FINBOOKID']);
const REACTION_FAMILIES: Readonly<Record<string, string>> = {
  NPSYNC: 'national-portal',
  WEBHOOKS: 'portal-webhooks',
  NOTICE: 'notifications',
  ZALO: 'notifications',
  RECEIPTS: 'receipts',
  RECEIPTSEQ: 'receipts',
  RECEIPTAGENCIES: 'receipts',
  DELIVERY: 'deliveries',
  TRACKING: 'deliveries',
};

export function writeAreaOf(pkFamily: string, skFamily: string): string {
  if (pkFamily === 'DOSSIER') return skFamily === 'PAYMENT_LOCK' ? 'payment' : 'dossier';
  if (pkFamily === 'KPI') return 'dossier';
  if (PAYMENT_FAMILIES.has(pkFamily)) return 'payment';
  return REACTION_FAMILIES[pkFamily] ?? `other (${pkFamily})`;
}

/** Sums the meter's `<how> <pk family>/<sk family>` tallies by area, largest first. */
export function writesByArea(writesByKey: ReadonlyMap<string, number>): [string, number][] {
  const areas = new Map<string, number>();
  for (const [key, count] of writesByKey) {
    const [pk = '?', sk = '?'] = key.split(' ').at(-1)!.split('/');
    const area = writeAreaOf(pk, sk);
    areas.set(area, (areas.get(area) ?? 0) + count);
  }
  return [...areas].sort((a, b) => b[1] - a[1]);
}
