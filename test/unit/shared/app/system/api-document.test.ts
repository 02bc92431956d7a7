import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { apiDocument } from '../../../../../shared/app/system/api-document';
import { API_TAGS } from '../../../../../shared/app/system/guide';
import { Operations, Webhooks } from '../../../../../shared/app/operations';
import { nationalPlatformConfirmOperation } from '../../../../../shared/modules/payments/providers/national-platform';

const doc = apiDocument({ version: 'test', serverUrl: 'https://api.dichvucong.example.gov.vn' }) as any;

const issuesOf = (schema: z.ZodMiniType | undefined, value: unknown) => (schema?.safeParse(value).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

/** A component by its `$ref`, or the schema itself. */
const resolve = (schema: { $ref?: string }) => (schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema);

/** Every `description` of the document, with where it is. */
function descriptions(node: unknown, at = '', found: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((n, i) => descriptions(n, `${at}/${i}`, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') found.push([at, value]);
      else descriptions(value, `${at}/${key}`, found);
    }
  }
  return found;
}

describe('Function: apiDocument (the document /docs and /v1/openapi.json serve)', () => {
  it.each(Webhooks.map((w) => [w.name, w] as const))('declares the webhook %s under `webhooks`, its example valid by the event schema', (_name, webhook) => {
    const entry = doc.webhooks[webhook.name][webhook.method.toLowerCase()];
    expect(entry.operationId).toBe(webhook.operationId);
    const content = entry.requestBody.content['application/json'];
    expect(content.example).toEqual(webhook.examples.request.body);
    expect(issuesOf(webhook.request.body, content.example)).toEqual([]);
    expect(issuesOf(webhook.request.headers, webhook.examples.request.headers)).toEqual([]);
    // The body is the same component the delivery log shows, not a copy.
    expect(resolve(content.schema)).toBeDefined();
    expect(Object.keys(entry.responses).some((status) => /^2\d\d$/.test(status))).toBe(true);
  });

  it('declares the status push with its signature, id and attempt headers and the event schema', () => {
    const push = doc.webhooks.portalStatusPush.post;
    const headers = Object.fromEntries(push.parameters.map((p: { name: string; in: string; example?: string }) => [p.name, p]));
    for (const name of ['X-Signature', 'X-Webhook-Id', 'X-Webhook-Attempt']) expect(headers[name], name).toMatchObject({ in: 'header', required: true, example: expect.any(String) });
    expect(push.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PortalWebhookEvent' });
    expect(push.responses.default.description).toMatch(/retried/);
  });

  it('names and describes, in both languages, every tag an operation or a webhook carries', () => {
    const used = new Set([...Operations, ...Webhooks].flatMap((o) => o.tags));
    expect(new Set(API_TAGS.map((t) => t.name))).toEqual(used);
    for (const tag of doc.tags) {
      expect(tag['x-displayName'], tag.name).toMatch(/ · /);
      expect(tag.description, tag.name).toMatch(/ · /);
    }
  });

  it('documents every field of the national platform Confirm and of our reply, with examples', () => {
    const entry = doc.paths[nationalPlatformConfirmOperation.path].post;
    const request = resolve(entry.requestBody.content['application/json'].schema);
    const reply = resolve(entry.responses['200'].content['application/json'].schema);
    for (const schema of [request, reply]) {
      for (const [field, property] of Object.entries(schema.properties as Record<string, { description?: string }>)) expect(property.description, field).toBeTruthy();
    }
    expect(Object.keys(request.properties)).toEqual(expect.arrayContaining(['MaLoi', 'MaThamChieu', 'SoTien', 'MaGiaoDich', 'ThoiGianGD', 'MaXacThuc']));
    expect(entry.requestBody.content['application/json'].example.MaXacThuc).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.responses['200'].content['application/json'].example.MaLoi).toBe('00');
  });

  it('shows every angle bracket of its Markdown (outside code a <word> would be taken for HTML and vanish)', () => {
    const hidden = descriptions(doc)
      .map(([at, text]) => [at, text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '')] as const)
      .filter(([, text]) => /<[A-Za-z/!]/.test(text))
      .map(([at, text]) => `${at}: ${text.match(/.{0,30}<[A-Za-z/!].{0,30}/)![0]}`);
    expect(hidden).toEqual([]);
  });

  it('names no local-only route and no secret setting', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('/v1/dev/tokens');
    expect(text).not.toMatch(/HASH_SECRET|hashSecret|WEBHOOK_SECRETS/i);
  });
});
