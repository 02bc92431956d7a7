import { providerModule } from '../definition';
import { VietqrProvider } from './provider';
import { vietqrSettings, type VietqrSettings } from './settings';

/** Bank transfer by VietQR: a QR for the exact amount, the bank's signed webhook. */
export const vietqr = /* @__PURE__ */ providerModule<VietqrSettings>({ name: 'vietqr', settings: vietqrSettings, create: (settings) => new VietqrProvider(settings) });

export { settleTransfer, verifyTransferSignature, type TransferAck } from './callback';
export type { VietqrSettings } from './settings';
