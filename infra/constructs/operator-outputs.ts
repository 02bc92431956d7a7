import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { deadLetterEnvVar } from '../../shared/platform/config/resources';
import type { TableResource } from './data-tables';
import type { QueueResource } from './messaging';

/**
 * The output an operator command's environment variable is set from: the variable in PascalCase
 * (TABLE_NAME → TableName, DOSSIER_EVENTS_DLQ_URL → DossierEventsDlqUrl), so the README needs one rule.
 */
export function outputIdOf(envVar: string): string {
  return envVar
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * Stack outputs for what scripts/ reads from the environment: TABLE_NAME (catalogue:import,
 * units:import) and each queue's and dead-letter queue's URL (dlq:redrive). Created in the stack's
 * own scope so that the output names carry no construct-path hash.
 */
export function addOperatorOutputs(stack: Stack, tables: readonly TableResource[], queues: ReadonlyMap<string, QueueResource>): void {
  const output = (envVar: string, value: string, usedBy: string) =>
    new CfnOutput(stack, outputIdOf(envVar), { description: `Set ${envVar} from this for ${usedBy}`, value });
  for (const { definition, table } of tables) {
    output(definition.envVar, table.tableName, 'npm run catalogue:import / units:import');
  }
  for (const [key, { definition, queue, deadLetterQueue }] of queues) {
    output(definition.envVar, queue.queueUrl, `npm run dlq:redrive -- ${key}`);
    output(deadLetterEnvVar(definition), deadLetterQueue.queueUrl, `npm run dlq:redrive -- ${key}`);
  }
}
