import type { LocalRoute } from '../api-gateway';
import type { SandboxSettings } from './settings';

/** A local stand-in for one payment provider (registered in payment-sandboxes.ts by provider name). */
export interface PaymentSandbox {
  /** The provider's settings pointing at this sandbox, as a deployment names the real partner. */
  settings(baseUrl: string, sandbox: SandboxSettings): Record<string, string>;
  /** Its pages and APIs; `baseUrl` is read when a route runs (the runtime listens after adding them). */
  routes(baseUrl: () => string, sandbox: SandboxSettings): LocalRoute[];
}
