import { describe, expect, it } from 'vitest';
import { createBasketPaymentOperation, createPaymentOperation } from '../../../../../../shared/modules/payments/api/operations';
import { buildOpenApiDocument } from '../../../../../../shared/platform/api/openapi';
import { ErrorCatalogue } from '../../../../../../shared/platform/api/error-catalogue';

describe('The create-payment operations', () => {
  it.each([createPaymentOperation, createBasketPaymentOperation])('$operationId documents 502 PROVIDER_UNAVAILABLE with an example naming the provider field', (operation) => {
    const doc = buildOpenApiDocument([operation], { version: 'test' }) as { paths: Record<string, Record<string, { responses: Record<string, { description: string; content: Record<string, { examples: Record<string, { value: unknown }> }> }> }>> };
    const answer = doc.paths[operation.path]!.post!.responses['502']!;
    expect(answer.description).toContain('PROVIDER_UNAVAILABLE');
    expect(answer.content['application/json']!.examples.PROVIDER_UNAVAILABLE!.value).toEqual({
      error: { code: 'PROVIDER_UNAVAILABLE', message: ErrorCatalogue.PROVIDER_UNAVAILABLE.en, details: [{ path: 'provider', message: expect.stringContaining('did not start the payment') }] },
    });
  });
});
