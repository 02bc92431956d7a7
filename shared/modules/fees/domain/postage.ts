import type { QuoteItem } from './fee-quote';
import { InvalidInputError } from '../../../platform/kernel/errors';
import { formatVnd } from './money';

/**
 * Postage for returning a result by post: same-province and other-province prices by weight band.
 * Postage is always its own quote line (Decision 45/2016 Art. 12: the applicant pays it).
 */
export interface PostageTariff {
  readonly version: string;
  readonly basis: string;
  /** Ascending by weight; a parcel heavier than the last band cannot be priced. */
  readonly bands: readonly PostageBand[];
}

export interface PostageBand {
  readonly upToGrams: number;
  readonly sameProvince: number;
  readonly otherProvince: number;
}

export interface PostageRoute {
  readonly fromProvinceCode: string;
  readonly toProvinceCode: string;
  readonly weightGrams: number;
}

/** The postage line of a quote: the first weight band that holds the result, priced by distance. */
export function quotePostage(tariff: PostageTariff, route: PostageRoute): QuoteItem {
  const band = tariff.bands.find((b) => route.weightGrams <= b.upToGrams);
  if (!band) {
    throw new InvalidInputError(`A ${route.weightGrams} g result is heavier than the postage tariff covers`, {
      details: [{ path: 'delivery', message: `no postage band for ${route.weightGrams} g` }],
    });
  }
  const same = route.fromProvinceCode === route.toProvinceCode;
  const amount = same ? band.sameProvince : band.otherProvince;
  const where = same ? 'nội tỉnh' : 'liên tỉnh';
  return {
    kind: 'postage',
    code: 'postage',
    label: { vi: 'Cước dịch vụ bưu chính công ích', en: 'Public postal service fee' },
    amount,
    basis: `${where}, ${route.weightGrams} g (bậc đến ${band.upToGrams} g): ${formatVnd(amount)}`,
    legalBasis: tariff.basis,
  };
}
