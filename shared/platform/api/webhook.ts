import type * as z from './zod';
import type { HttpMethod, ResponseSpec } from './operation';

/**
 * A request we send to an integrator (OpenAPI 3.1 `webhooks`): the body and headers as we send them,
 * what the integrator's endpoint is expected to answer, and an example. Documented, never routed:
 * the integrator implements it.
 */
export interface WebhookDefinition {
  /** Its key in the document's `webhooks`. */
  readonly name: string;
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly request: {
    /** What we send, read as output (the shape the integrator parses). */
    readonly body: z.ZodMiniType;
    readonly headers?: z.ZodMiniType;
  };
  /** The answers the integrator may give and what each makes us do, by status (`default` for any other). */
  readonly responses: Readonly<Record<string, Pick<ResponseSpec, 'description'>>>;
  /** A body and its headers as really sent (a unit test parses each with its schema). */
  readonly examples: {
    readonly request: { readonly body: unknown; readonly headers?: Readonly<Record<string, string>> };
  };
}

export function defineWebhook<const T extends WebhookDefinition>(webhook: T): T {
  return webhook;
}
