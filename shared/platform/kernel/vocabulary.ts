/**
 * Vocabularies several domains share (dossiers, fees, deliveries). They live in the kernel so that a
 * domain can use them without importing a schema; shared/platform/api/common.ts builds the zod forms
 * from these lists.
 */

/** How a dossier is submitted. */
export const Channels = { ONLINE: 'online', COUNTER: 'counter', POSTAL: 'postal' } as const;
export const CHANNELS = [Channels.ONLINE, Channels.COUNTER, Channels.POSTAL] as const;
export type Channel = (typeof CHANNELS)[number];

/** Text shown to citizens and clerks in Vietnamese and English. */
export interface BilingualText {
  readonly vi: string;
  readonly en: string;
}

/** Groups of applicants a fee schedule may reduce or waive fees for. */
export const BENEFICIARY_CATEGORIES = [
  'child',
  'elderly',
  'poor_household',
  'disability',
  'meritorious',
  'ethnic_minority_difficult_area',
  'student',
] as const;
export type BeneficiaryCategory = (typeof BENEFICIARY_CATEGORIES)[number];
