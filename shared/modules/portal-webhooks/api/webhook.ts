import * as z from '../../../platform/api/zod';
import { defineWebhook } from '../../../platform/api/webhook';
import { SIGNATURE_TOLERANCE_SECONDS } from '../../../platform/kernel/timestamped-hmac';
import { DEFAULT_RETRY_SCHEDULE_SECONDS } from '../domain/retry-schedule';
import { MAX_ACTIVE_SECRETS, signatureHeaderFor } from '../domain/signature';
import { DEFAULT_PORTAL_WEBHOOK_TIMEOUT_MS } from '../settings';
import { EXAMPLE_EVENT } from './example-event';
import { PortalWebhookEventSchema } from './schemas';

/** `t=<unix seconds>,v1=<64 hex>`, one `v1` per active secret. */
const SIGNATURE_HEADER = new RegExp(`^t=\\d{1,12}(,v1=[0-9a-f]{64}){1,${MAX_ACTIVE_SECRETS}}$`);

/** The headers of a status push besides Content-Type (application/json) and User-Agent (toantrinh-webhooks/1). */
export const PortalWebhookHeadersSchema = z.looseObject({
  'X-Webhook-Id': z.string().check(z.minLength(1), z.maxLength(64)).register(z.globalRegistry, { description: "the event's `id`, the same on every retry: keep the ids you processed and ignore a repeat" }),
  'X-Webhook-Attempt': z.string().check(z.regex(/^[1-9]\d*$/)).register(z.globalRegistry, { description: '1 for the first attempt, then 2, 3, … (informative)' }),
  'X-Signature': z.string().check(z.regex(SIGNATURE_HEADER)).register(z.globalRegistry, {
    description:
      '`t=<unix seconds>,v1=<hex>[,v1=<hex>]`: each hex is HMAC-SHA256 of `<t>.<raw body>` under one active secret ' +
      `(${MAX_ACTIVE_SECRETS} while a secret rotates). Accept when any \`v1\` equals, in constant time, the HMAC of the raw bytes under a secret you hold ` +
      `and \`t\` is within ${SIGNATURE_TOLERANCE_SECONDS} s of your clock; answer 401 otherwise.`,
  }),
});

/**
 * A push signed during a rotation (two active secrets), for a receiver to test its verifier on: the
 * secrets and the time are examples, never used by a deployment; the raw body is exactly these bytes.
 */
export const SIGNATURE_EXAMPLE = (() => {
  const secrets = ['example-new-secret', 'example-old-secret'] as const;
  const timestamp = Math.floor(Date.parse(EXAMPLE_EVENT.occurredAt) / 1000);
  const rawBody = JSON.stringify(EXAMPLE_EVENT);
  return { secrets, timestamp, rawBody, header: signatureHeaderFor(secrets, timestamp, rawBody) };
})();

const wait = (seconds: number) =>
  seconds % 86_400 === 0 ? `${seconds / 86_400} ${seconds === 86_400 ? 'day' : 'days'}` : seconds % 3_600 === 0 ? `${seconds / 3_600} h` : seconds % 60 === 0 && seconds >= 300 ? `${seconds / 60} min` : `${seconds} s`;

/** The waits after each failed attempt, in words: "60 s, 5 min, 1 h, 1 day and 2 days". */
export function retryScheduleInWords(schedule: readonly number[] = DEFAULT_RETRY_SCHEDULE_SECONDS): string {
  const words = schedule.map(wait);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}

const timeoutSeconds = DEFAULT_PORTAL_WEBHOOK_TIMEOUT_MS / 1000;

/** The status push as the portal implements it: the `webhooks` entry of the OpenAPI document. */
export const portalStatusWebhook = defineWebhook({
  name: 'portalStatusPush',
  operationId: 'portalStatusPush',
  method: 'POST',
  summary: "Status push to the portal: a dossier's status moved or a payment ended (signed POST to the portal's URL)",
  description:
    "Sent to the portal's configured URL (one per deployment, or one per agency) on every dossier status change and every payment outcome " +
    '(succeeded, failed, expired, cancelled), at least once. No personal data. Verify `X-Signature` over the raw bytes before parsing; deduplicate by `X-Webhook-Id`; ' +
    'retries break the order, so keep the highest `sequence` applied per dossier and drop an event at or below it. The log of every attempt: `GET /v1/webhook-deliveries?dossierNo=`.',
  tags: ['webhooks'],
  request: { body: PortalWebhookEventSchema, headers: PortalWebhookHeadersSchema },
  responses: {
    200: { description: `Delivered: any 2xx within ${timeoutSeconds} s (the body is ignored). Answer first, do the work afterwards.` },
    default: {
      description:
        `Anything else (4xx, 5xx, a redirect, no answer within ${timeoutSeconds} s) is retried ${retryScheduleInWords()} after each failed attempt, ` +
        'then given up (the delivery log says failed; an operator can send it again).',
    },
  },
  examples: {
    request: {
      body: EXAMPLE_EVENT,
      headers: { 'X-Webhook-Id': EXAMPLE_EVENT.id, 'X-Webhook-Attempt': '1', 'X-Signature': SIGNATURE_EXAMPLE.header },
    },
  },
});
