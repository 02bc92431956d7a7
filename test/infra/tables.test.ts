import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Tables, type KeyDefinition } from '../../shared/platform/config/resources';
import { fixtureStack, logicalId } from './support';
import type { ToantrinhStack } from '../../infra/stacks/toantrinh-stack';

describe('tables', () => {
  let stack: ToantrinhStack;
  let template: Template;

  beforeAll(() => {
    ({ stack, template } = fixtureStack());
  });

  const keySchema = (partitionKey: KeyDefinition, sortKey: KeyDefinition) => [
    { AttributeName: partitionKey.name, KeyType: 'HASH' },
    { AttributeName: sortKey.name, KeyType: 'RANGE' },
  ];

  it('creates exactly one table per definition', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', Object.keys(Tables).length);
  });

  it.each(Object.values(Tables))('$id matches its definition', (definition) => {
    const resource = stack.tables.find((t) => t.definition.id === definition.id);
    expect(resource, `no table for ${definition.id}`).toBeDefined();
    const table = template.toJSON().Resources[logicalId(resource!.table)];

    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');

    const properties = table.Properties;
    expect(properties.KeySchema).toEqual(keySchema(definition.partitionKey, definition.sortKey));
    expect(properties.GlobalSecondaryIndexes ?? []).toEqual(
      definition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keys = [
      definition.partitionKey,
      definition.sortKey,
      ...definition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];
    const expectedAttributes = [...new Map(keys.map((k) => [k.name, k.type])).entries()]
      .map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }))
      .sort((a, b) => a.AttributeName.localeCompare(b.AttributeName));
    const attributes = [...(properties.AttributeDefinitions as { AttributeName: string }[])].sort((a, b) =>
      a.AttributeName.localeCompare(b.AttributeName),
    );
    expect(attributes).toEqual(expectedAttributes);

    expect(properties.TimeToLiveSpecification).toEqual({
      AttributeName: definition.timeToLiveAttribute,
      Enabled: true,
    });
    expect(properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(properties.DeletionProtectionEnabled).toBe(true);
    // SSEEnabled with no key id means the AWS-managed aws/dynamodb key.
    expect(properties.SSESpecification).toEqual({ SSEEnabled: true });
  });
});
