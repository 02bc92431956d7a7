import * as z from '../../../platform/api/zod';
import { InstantSchema } from '../../../platform/api/common';
import { NOTICE_CHANNELS } from '../domain/fallback';
import { NOTICE_STATUSES } from '../domain/notice';
import { NOTICE_KINDS } from '../domain/templates';

export const NoticeChannelSchema = z.enum(NOTICE_CHANNELS);

export const NoticeAttemptSchema = z.strictObject({
  channel: NoticeChannelSchema,
  at: InstantSchema,
  outcome: z.enum(['accepted', 'sent', 'recipient', 'refused', 'temporary', 'auth', 'receipt_timeout', 'opted_out']),
  code: z.optional(z.string()).register(z.globalRegistry, { description: "the partner's error code (ZNS -118, eSMS 99…)" }),
  messageId: z.optional(z.string()).register(z.globalRegistry, { description: 'ZNS msg_id, eSMS SMSID or SES MessageId' }),
});

/**
 * One notice of the ledger: no phone, address or message parameters, only what happened.
 * @example {"notificationId":"n3f…","eventId":"pay-1","kind":"payment_received","status":"delivered","channel":"zns","dueAt":"2026-03-10T02:00:00.000Z","deliveredAt":"2026-03-10T02:00:03.000Z","attempts":[{"channel":"zns","at":"2026-03-10T02:00:01.000Z","outcome":"accepted","messageId":"m1"}],"createdAt":"2026-03-10T02:00:00.000Z","updatedAt":"2026-03-10T02:00:03.000Z"}
 */
export const NoticeSchema = z
  .strictObject({
    notificationId: z.string(),
    eventId: z.string(),
    kind: z.enum(NOTICE_KINDS),
    status: z.enum(NOTICE_STATUSES),
    channel: NoticeChannelSchema.clone().register(z.globalRegistry, { description: 'the channel tried last (or next, while queued)' }),
    reason: z.optional(z.string()).register(z.globalRegistry, { description: 'why a skipped or failed notice went no further: opted_out, no_channel, no_receipt' }),
    dueAt: InstantSchema,
    deliveredAt: z.optional(InstantSchema),
    attempts: z.array(NoticeAttemptSchema),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .register(z.globalRegistry, { id: 'Notice' });

export const NoticeListSchema = z.strictObject({ items: z.array(NoticeSchema) }).register(z.globalRegistry, { id: 'NoticeList' });

/**
 * PUT /v1/me/notification-preferences: turn channels on (true) or off (false); channels not named keep their setting.
 * @example {"channels":{"sms":false}}
 */
export const NotificationPreferencesRequestSchema = z
  .strictObject({
    channels: z
      .strictObject({ zns: z.optional(z.boolean()), sms: z.optional(z.boolean()), email: z.optional(z.boolean()) })
      .check(z.refine((c) => Object.keys(c).length > 0, 'name at least one channel')),
  })
  .register(z.globalRegistry, { id: 'NotificationPreferencesRequest' });

export const NotificationPreferencesSchema = z
  .strictObject({
    channels: z.strictObject({ zns: z.boolean(), sms: z.boolean(), email: z.boolean() }),
    optedOut: z.array(NoticeChannelSchema),
    updatedAt: z.optional(InstantSchema),
  })
  .register(z.globalRegistry, { id: 'NotificationPreferences' });

/** The ZNS webhook body, as far as we read it (verified over the raw bytes before this parse). */
export const ZaloWebhookBodySchema = z
  .looseObject({
    app_id: z.union([z.string(), z.number()]),
    event_name: z.string(),
    timestamp: z.union([z.string(), z.number()]),
  })
  .register(z.globalRegistry, { id: 'ZaloWebhookBody' });

export const ZaloWebhookResultSchema = z.strictObject({ received: z.boolean() });

/** Zalo's signature of a ZNS webhook, checked in constant time over the raw bytes before anything else. */
export const ZaloSignatureHeadersSchema = z.looseObject({
  'x-zevent-signature': z.string().check(z.maxLength(512)).register(z.globalRegistry, { description: '`mac=<hex SHA-256 of appId + raw body + timestamp + OA secret key>`; missing or wrong: 401 UNAUTHORIZED' }),
});
