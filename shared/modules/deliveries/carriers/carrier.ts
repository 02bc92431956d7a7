import type { SecretName } from '../../../platform/config/secrets';
import type { SettingsSource } from '../../../platform/config/source';
import type { PostalService } from '../carrier-port';
import type { CarrierCodeTables } from '../domain/carrier-status';

/** A non-secret setting of a carrier: its name in a function's environment and where a deployment takes it from. */
export interface CarrierSetting {
  readonly env: string;
  /** Short name of the CDK context key (`toantrinh:<context>`) the deployed value comes from. */
  readonly context: string;
  /** The deploy guard checks it as an https URL off example hosts. */
  readonly url?: boolean;
  /** Sandbox values the deploy guard refuses on a real stage. */
  readonly placeholders?: readonly string[];
}

/**
 * Everything the system knows of one postal carrier, in its own folder (carriers/<name>/): its wire
 * vocabulary, what it needs to run, and how to reach it. One line in carriers/registry.ts adds it.
 */
export interface Carrier {
  readonly name: string;
  /** How its status codes map to ours: its webhooks and tracking are read with it. */
  readonly statusCodes: CarrierCodeTables;
  /** Non-secret settings of the functions that call the carrier (grants and CDK settings derive from them). */
  readonly settings: readonly CarrierSetting[];
  readonly secrets: {
    /** Read by the functions that call the carrier's API. */
    readonly api: readonly SecretName[];
    /** Signing secrets of its webhooks, several accepted at once while they rotate. */
    readonly webhook: SecretName;
  };
  /** Its client, with settings read (and checked) from the source; called once per container. */
  postalService(source: SettingsSource): Promise<PostalService>;
}
