import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { SettingValues } from '../../platform/config/env';
import type { SettlementFile, SettlementFiles } from './ports';

/**
 * The settlement-file sources, in this one file: an S3 bucket (AWS) and URL templates (the local
 * sandbox bank, or any HTTPS file server). Which one a container uses is its settings' choice.
 */

/** The default key of a provider's day-T file in the settlement bucket, e.g. `vnpay/2026-03-02.csv`. */
export const DEFAULT_SETTLEMENT_KEY_PATTERN = '{provider}/{date}.csv';

/**
 * The object key of a provider's day: `{provider}`, `{date}` (yyyy-mm-dd) or `{yyyy}`, `{mm}`, `{dd}`.
 * A pattern that names no provider or no full date would put two files under one key: refused.
 */
export function settlementKey(pattern: string, provider: string, day: string): string {
  if (!pattern.includes('{provider}') || !(pattern.includes('{date}') || ['{yyyy}', '{mm}', '{dd}'].every((p) => pattern.includes(p)))) {
    throw new Error(`SETTLEMENT_KEY_PATTERN must name {provider} and {date} (or {yyyy}, {mm} and {dd}), got "${pattern}"`);
  }
  const [yyyy, mm, dd] = day.split('-');
  return pattern.replaceAll('{provider}', provider).replaceAll('{date}', day).replaceAll('{yyyy}', yyyy!).replaceAll('{mm}', mm!).replaceAll('{dd}', dd!);
}

/** Reads `s3://bucket/key` into text; undefined when the object is not there. */
export async function readS3Text(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return object.Body ? await object.Body.transformToString('utf-8') : '';
  } catch (error) {
    // With s3:ListBucket granted, a missing object is NoSuchKey (404) rather than AccessDenied.
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
}

/** Day-T files in the settlement bucket (SETTLEMENT_BUCKET), one object per provider and day. */
export class S3SettlementFiles implements SettlementFiles {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly keyPattern = DEFAULT_SETTLEMENT_KEY_PATTERN,
  ) {
    settlementKey(keyPattern, 'x', '2000-01-01');
  }

  /** Every provider's files are delivered to the bucket. */
  covers(): boolean {
    return true;
  }

  async read(provider: string, day: string): Promise<SettlementFile | undefined> {
    const key = settlementKey(this.keyPattern, provider, day);
    const text = await readS3Text(this.client, this.bucket, key);
    return text === undefined ? undefined : { text, location: `s3://${this.bucket}/${key}` };
  }
}

/** Fetches a settlement file over HTTP(S); 404 is "not there yet", any other refusal an error. */
export async function fetchSettlementText(url: string): Promise<string | undefined> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`settlement file ${new URL(url).pathname}: HTTP ${response.status}`);
  return response.text();
}

/** Day-T files at SETTLEMENT_FILE_URL_<PROVIDER> (with `{date}`): the local runtime's sandbox bank. */
export class UrlSettlementFiles implements SettlementFiles {
  constructor(
    private readonly values: SettingValues,
    private readonly fetchText: (url: string) => Promise<string | undefined> = fetchSettlementText,
  ) {}

  covers(provider: string): boolean {
    return Boolean(this.values[`SETTLEMENT_FILE_URL_${provider.toUpperCase()}`]);
  }

  async read(provider: string, day: string): Promise<SettlementFile | undefined> {
    const template = this.values[`SETTLEMENT_FILE_URL_${provider.toUpperCase()}`];
    if (!template) return undefined;
    const url = template.replaceAll('{date}', day);
    const text = await this.fetchText(url);
    return text === undefined ? undefined : { text, location: url };
  }
}
