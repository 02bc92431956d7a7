import type { PricedProcedure, ProcessingAgency } from './domain/fee-quote';
import type { PostageTariff } from './domain/postage';

/**
 * What pricing reads from the catalogue. Declared here, in the terms fees uses, so that fees never
 * depends on the catalogue module; the catalogue's reader provides it.
 */
export interface FeeCatalogue {
  getProcedure(code: string): Promise<PricedProcedure | undefined>;
  getAgency(code: string): Promise<ProcessingAgency | undefined>;
  getPostageTariff(): Promise<PostageTariff | undefined>;
}
