/**
 * Which channel carries a notice, and what a channel's answer means for it. ZNS reaches any phone
 * with a Zalo account; SMS brandname any phone; email only an applicant who gave an address.
 */
export const NOTICE_CHANNELS = ['zns', 'sms', 'email'] as const;
export type NoticeChannelName = (typeof NOTICE_CHANNELS)[number];

/**
 * What a send attempt came to, in the channel-neutral words the decision table reads:
 * - accepted: the partner took it (`final` when no delivery receipt will follow);
 * - recipient: this person cannot be reached on this channel (try the next one now);
 * - refused: the channel cannot send this for us (quota, permission, template): try the next one;
 * - temporary: try the same channel again later (through the queue's backoff, then its DLQ);
 * - auth: the access token was refused (the adapter refreshes once and retries once before saying so).
 */
export type SendOutcome =
  | { readonly kind: 'accepted'; readonly messageId: string; readonly final: boolean }
  | { readonly kind: 'recipient' | 'refused' | 'temporary' | 'auth'; readonly code: string };

/** ZNS error codes by class [V zalo.cloud handle-error-code; -216/-220 from the OA API]. */
export const ZNS_ERROR_CLASSES = {
  recipient: [-108, -110, -114, -118, -119, -139, -141],
  temporary: [-100, -133],
  auth: [-124, -216, -220],
} as const;

/** The outcome of a ZNS `error` code (0 is success and not classified here). */
export function classifyZnsError(code: number): Exclude<SendOutcome['kind'], 'accepted'> {
  if ((ZNS_ERROR_CLASSES.recipient as readonly number[]).includes(code)) return 'recipient';
  if ((ZNS_ERROR_CLASSES.temporary as readonly number[]).includes(code)) return 'temporary';
  if ((ZNS_ERROR_CLASSES.auth as readonly number[]).includes(code)) return 'auth';
  // App configuration, template, quota and permission errors (-101…-105, -109, -111, -112, -115,
  // -117, -131, -135, -144, -146, -147, -1121, -1122 and unknown codes): ZNS cannot carry this one
  // for us today, so the citizen is told by the next channel while an operator looks (metric + log).
  return 'refused';
}

export interface Reachability {
  readonly hasEmail: boolean;
  /** Channels the citizen turned off. */
  readonly optedOut: ReadonlySet<NoticeChannelName>;
  /** Channels this deployment has configured. */
  readonly enabled: ReadonlySet<NoticeChannelName>;
}

/** The channels to try, in fallback order (ZNS → SMS → email), that can reach this citizen. */
export function channelsFor(reach: Reachability): NoticeChannelName[] {
  return NOTICE_CHANNELS.filter((c) => reach.enabled.has(c) && !reach.optedOut.has(c) && (c !== 'email' || reach.hasEmail));
}

/** The next channel after `current` in a plan, or undefined when the plan is exhausted. */
export function nextChannel(plan: readonly NoticeChannelName[], current: NoticeChannelName): NoticeChannelName | undefined {
  const at = plan.indexOf(current);
  return at < 0 ? undefined : plan[at + 1];
}

export type Decision =
  | { readonly action: 'await_receipt' }
  | { readonly action: 'done' }
  | { readonly action: 'fallback'; readonly to: NoticeChannelName }
  | { readonly action: 'fail' }
  | { readonly action: 'retry' };

/**
 * The decision table: what happens to a notice after one attempt on `current`.
 * An accepted ZNS waits for its receipt (and falls back if none comes in time); an accepted SMS or
 * email is done (no receipt is awaited from them here). Recipient and refusal errors fall back at
 * once; temporary ones and a token still refused after one refresh are retried with backoff.
 */
export function decide(outcome: SendOutcome, plan: readonly NoticeChannelName[], current: NoticeChannelName): Decision {
  switch (outcome.kind) {
    case 'accepted':
      return outcome.final ? { action: 'done' } : { action: 'await_receipt' };
    case 'recipient':
    case 'refused': {
      const to = nextChannel(plan, current);
      return to ? { action: 'fallback', to } : { action: 'fail' };
    }
    case 'temporary':
    case 'auth':
      return { action: 'retry' };
  }
}
