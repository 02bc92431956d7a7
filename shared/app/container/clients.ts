import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient } from '../../platform/dynamodb/client';
import { createSqsClient } from '../../platform/sqs/client';
import { createSecretReader, type SecretReader } from '../../platform/config/secrets';
import type { SettingsSource } from '../../platform/config/source';
import { definePart } from './part';

/*
 * One part per SDK client: a function's bundle carries a client only if one of its parts needs it
 * (the SQS client is ~100 KB minified, the SSM provider as much again).
 */

export interface DynamoMembers {
  readonly documentClient: DynamoDBDocumentClient;
}

export const dynamo = definePart<DynamoMembers>()('dynamo', [], (_c, { settings, once }) => ({
  get documentClient() {
    return once('documentClient', () => createDocumentClient(settings.aws));
  },
}));

export interface SqsMembers {
  readonly sqsClient: SQSClient;
}

export const sqs = definePart<SqsMembers>()('sqs', [], (_c, { settings, once }) => ({
  get sqsClient() {
    return once('sqsClient', () => createSqsClient(settings.aws));
  },
}));

export interface SecretsMembers {
  readonly secrets: SecretReader;
  /** The settings source handed to the modules' settings loaders. */
  readonly settingsSource: SettingsSource;
}

export const secrets = definePart<SecretsMembers>()('secrets', [], (c, { settings, once }) => ({
  get secrets() {
    return once('secrets', () => createSecretReader(settings.secrets));
  },
  get settingsSource() {
    return once('settingsSource', () => ({ values: settings.values, secret: c.secrets }));
  },
}));
