import type { SettingValues } from '../../shared/platform/config/env';
import { Carriers, type CarrierName } from '../../shared/modules/deliveries/carriers/registry';
import { postOfficeSandbox, type PostOfficeSandbox, type PostOfficeSandboxOptions } from './post-office';

/**
 * The local stand-in of each carrier, by its registry name. A carrier without one runs against the
 * API its settings name (the runtime serves no post office then).
 */
export const PostOfficeSandboxes: Readonly<Partial<Record<CarrierName, (options: PostOfficeSandboxOptions) => PostOfficeSandbox>>> = {
  vnpost: postOfficeSandbox,
};

/** The sandbox of the carrier these settings choose (POSTAL_CARRIER, default vnpost), if it has one. */
export function postOfficeSandboxFor(values: SettingValues): ((options: PostOfficeSandboxOptions) => PostOfficeSandbox) | undefined {
  return PostOfficeSandboxes[Carriers.active(values).name as CarrierName];
}
