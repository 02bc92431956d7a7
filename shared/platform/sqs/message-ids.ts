import { createHash } from 'node:crypto';

/**
 * What SQS accepts as a MessageDeduplicationId or MessageGroupId: 1–128 characters among
 * alphanumerics and the ASCII punctuation !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~ (no space, no Unicode).
 */
const SQS_ID = /^[A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{1,128}$/;

export function isValidSqsId(id: string): boolean {
  return SQS_ID.test(id);
}

/**
 * A deduplication or group id SQS accepts, derived from any string. A valid id is kept as it is, so
 * the ids of our own events stay readable in the console; anything else (a carrier's id with spaces
 * or Unicode, or one too long) becomes the base64url SHA-256 of its UTF-8 bytes, which is
 * deterministic (a repeat is still deduplicated) and does not collide the way truncation does.
 */
export function sqsMessageId(id: string): string {
  return isValidSqsId(id) ? id : `sha256:${createHash('sha256').update(id, 'utf8').digest('base64url')}`;
}
