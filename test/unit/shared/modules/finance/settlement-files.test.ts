import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3SettlementFiles, settlementKey, UrlSettlementFiles } from '../../../../../shared/modules/finance/settlement-files';

const s3 = mockClient(S3Client);
/** What GetObject's Body offers (the SDK's stream mixin): its text. */
const body = (text: string) => ({ transformToString: async () => text }) as never;

describe('Function: settlementKey', () => {
  it.each([
    ['{provider}/{date}.csv', 'vnpay/2026-03-02.csv'],
    ['settlements/{provider}/{yyyy}/{mm}/{dd}.csv', 'settlements/vnpay/2026/03/02.csv'],
    ['in/{yyyy}{mm}{dd}_{provider}.CSV', 'in/20260302_vnpay.CSV'],
  ])('%s → %s', (pattern, key) => {
    expect(settlementKey(pattern, 'vnpay', '2026-03-02')).toBe(key);
  });

  it.each([['{date}.csv'], ['{provider}/{yyyy}-{mm}.csv'], ['fixed.csv']])('refuses %s (two files would share a key)', (pattern) => {
    expect(() => settlementKey(pattern, 'vnpay', '2026-03-02')).toThrow(/SETTLEMENT_KEY_PATTERN/);
  });
});

describe('Class: S3SettlementFiles', () => {
  beforeEach(() => s3.reset());

  it('reads the day\u2019s object of the provider from the bucket, naming where it was read', async () => {
    // Prepare
    s3.on(GetObjectCommand, { Bucket: 'toantrinh-settlements', Key: 'vnpay/2026-03-02.csv' }).resolves({ Body: body('TxnRef,TransactionNo,Amount,PayDate\n') });
    const files = new S3SettlementFiles(new S3Client({ region: 'ap-southeast-1' }), 'toantrinh-settlements');
    // Act
    const file = await files.read('vnpay', '2026-03-02');
    // Assess
    expect(file).toEqual({ text: 'TxnRef,TransactionNo,Amount,PayDate\n', location: 's3://toantrinh-settlements/vnpay/2026-03-02.csv' });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(1);
    expect(files.covers()).toBe(true);
  });

  it('answers "not there yet" for a missing object (NoSuchKey), and fails on anything else (a refused read is not a missing file)', async () => {
    s3.on(GetObjectCommand, { Key: 'vnpay/2026-03-02.csv' }).rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }));
    s3.on(GetObjectCommand, { Key: 'vietqr/2026-03-02.csv' }).rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'Access Denied', $metadata: { httpStatusCode: 403 } }));
    const files = new S3SettlementFiles(new S3Client({ region: 'ap-southeast-1' }), 'b');
    expect(await files.read('vnpay', '2026-03-02')).toBeUndefined();
    await expect(files.read('vietqr', '2026-03-02')).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('uses the configured key pattern, and refuses a bad one when built', async () => {
    s3.on(GetObjectCommand, { Key: 'in/2026/03/02/vietqr.csv' }).resolves({ Body: body('x') });
    expect(await new S3SettlementFiles(new S3Client({ region: 'ap-southeast-1' }), 'b', 'in/{yyyy}/{mm}/{dd}/{provider}.csv').read('vietqr', '2026-03-02')).toMatchObject({ text: 'x' });
    expect(() => new S3SettlementFiles(new S3Client({ region: 'ap-southeast-1' }), 'b', '{provider}.csv')).toThrow(/SETTLEMENT_KEY_PATTERN/);
  });
});

describe('Class: UrlSettlementFiles (the local sandbox bank)', () => {
  it('fetches SETTLEMENT_FILE_URL_<PROVIDER> with the date put in, covers only the providers given a URL', async () => {
    const asked: string[] = [];
    const files = new UrlSettlementFiles({ SETTLEMENT_FILE_URL_VNPAY: 'http://127.0.0.1:3000/sandbox/vnpay/settlement/{date}.csv' }, async (url) => {
      asked.push(url);
      return url.includes('2026-03-02') ? 'csv' : undefined;
    });
    expect(await files.read('vnpay', '2026-03-02')).toEqual({ text: 'csv', location: 'http://127.0.0.1:3000/sandbox/vnpay/settlement/2026-03-02.csv' });
    expect(await files.read('vnpay', '2026-03-03')).toBeUndefined();
    expect([files.covers('vnpay'), files.covers('vietqr')]).toEqual([true, false]);
    expect(await files.read('vietqr', '2026-03-02')).toBeUndefined();
    expect(asked).toHaveLength(2);
  });
});
