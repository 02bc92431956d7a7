import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
  type Attribute,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { KeyDefinition, TableDefinition } from '../../shared/platform/config/resources';

export interface TableResource {
  readonly definition: TableDefinition;
  readonly table: Table;
}

export interface DataTablesProps {
  readonly tables: Readonly<Record<string, TableDefinition>>;
}

/** One DynamoDB table per definition in shared/platform/config/resources.ts, nothing more. */
export class DataTables extends Construct {
  readonly tables: readonly TableResource[];

  constructor(scope: Construct, id: string, props: DataTablesProps) {
    super(scope, id);
    this.tables = Object.values(props.tables).map((definition) => ({
      definition,
      table: this.createTable(definition),
    }));
  }

  private createTable(definition: TableDefinition): Table {
    const table = new Table(this, definition.id, {
      partitionKey: toAttribute(definition.partitionKey),
      sortKey: toAttribute(definition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: definition.timeToLiveAttribute,
      // The outbox rows' inserts are read from here (resources' Streams: PublishDossierEvents).
      ...(definition.stream ? { stream: StreamViewType[definition.stream] } : {}),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The AWS-owned default key leaves no CloudTrail record of use; the AWS-managed key does,
      // without the cost and key-policy upkeep of a customer-managed one.
      encryption: TableEncryption.AWS_MANAGED,
      // Payments and dossiers are records the portal must keep: neither a console click nor a
      // stack deletion may drop them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of definition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: toAttribute(index.partitionKey),
        sortKey: toAttribute(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
    return table;
  }
}

function toAttribute(key: KeyDefinition): Attribute {
  return { name: key.name, type: key.type === 'N' ? AttributeType.NUMBER : AttributeType.STRING };
}
