import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../shared/platform/api/openapi';
import { requiresJwt } from '../../shared/platform/api/operation';
import { Operations } from '../../shared/app/operations';
import { deadLetterQueueName, MainTable, queueName, Queues } from '../../shared/platform/config/resources';
import { createTableInput, queueAttributes } from '../../local/provision';
import { buildTestApp, templateOf } from './support';

const template = templateOf(buildTestApp());

function routesOfStack(): Map<string, boolean> {
  const routes = template.findResources('AWS::ApiGatewayV2::Route');
  return new Map(
    Object.values(routes).map((r) => [r.Properties.RouteKey as string, r.Properties.AuthorizationType === 'JWT']),
  );
}

describe('Contract: the deployed routes are exactly the OpenAPI document', () => {
  const doc = buildOpenApiDocument(Operations, { version: 'test' }) as { paths: Record<string, Record<string, { security: unknown[] }>> };
  const documented = new Map(
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.security.length > 0] as const),
    ),
  );

  it('has every documented operation as a route, and no other route', () => {
    expect([...routesOfStack().keys()].sort()).toEqual([...documented.keys()].sort());
  });

  it('puts the JWT authorizer exactly on the operations that require a bearer token', () => {
    const stack = routesOfStack();
    for (const op of Operations) expect(stack.get(`${op.method} ${op.path}`), `${op.method} ${op.path}`).toBe(requiresJwt(op.auth));
  });
});

describe('Contract: the local runtime provisions what the stack deploys', () => {
  it('creates the main table with the key schema, indexes and attributes of the CDK table', () => {
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const local = createTableInput(MainTable);
    const props = table!.Properties;
    expect(props.KeySchema).toEqual(local.KeySchema);
    expect([...props.AttributeDefinitions].sort((a: any, b: any) => a.AttributeName.localeCompare(b.AttributeName))).toEqual(
      [...local.AttributeDefinitions!].sort((a, b) => a.AttributeName!.localeCompare(b.AttributeName!)),
    );
    expect(props.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(props.BillingMode).toBe(local.BillingMode);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: MainTable.timeToLiveAttribute, Enabled: true });
  });

  it.each(Object.values(Queues))('creates queue $name with the attributes and redrive of the CDK queue', (definition) => {
    const queues = template.findResources('AWS::SQS::Queue');
    const byName = (name: string) => Object.entries(queues).find(([, q]) => q.Properties.QueueName === name);
    const [, queue] = byName(queueName(definition))!;
    const [dlqId] = byName(deadLetterQueueName(definition))!;
    const local = queueAttributes(definition, 'arn:local');
    expect(String(queue.Properties.VisibilityTimeout)).toBe(local.VisibilityTimeout);
    expect(String(queue.Properties.MessageRetentionPeriod)).toBe(local.MessageRetentionPeriod);
    expect(Boolean(queue.Properties.FifoQueue)).toBe(local.FifoQueue === 'true');
    if (definition.fifo) expect(Boolean(queue.Properties.ContentBasedDeduplication)).toBe(local.ContentBasedDeduplication === 'true');
    expect(queue.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
      maxReceiveCount: JSON.parse(local.RedrivePolicy!).maxReceiveCount,
    });
  });
});
