import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientSettings } from '../config/aws';

/** An S3 client for one container (only functions that read a bucket carry it). */
export function createS3Client(settings: AwsClientSettings = {}): S3Client {
  return new S3Client({
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  });
}
