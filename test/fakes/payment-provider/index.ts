import { providerModule } from '../../../shared/modules/payments/providers/definition';
import { FAKEPAY, FakepayProvider } from './provider';
import { fakepaySettings, type FakepaySettings } from './settings';

/** The whole of a new provider as the registry sees it: what `DEFAULT_PROVIDERS` would get one line for. */
export const fakepay = providerModule<FakepaySettings>({ name: FAKEPAY, settings: fakepaySettings, create: (settings) => new FakepayProvider(settings) });

export { FAKEPAY, FakepayProvider, expiryMinutesOfEvery, stubProvider, stubProviders } from './provider';
export { settleFakepay } from './callback';
