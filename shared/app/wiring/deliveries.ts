import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { Queues } from '../../platform/config/resources';
import { requiredEnv } from '../../platform/config/env';
import { maxFailedAttempts, postalSettings } from '../../modules/deliveries/settings';
import { systemClock } from '../../platform/kernel/time';
import type { DeliveryDeps } from '../../modules/deliveries/use-cases/deliveries';
import type { PostalService } from '../../modules/deliveries/carrier-port';
import { catalogueReader } from './catalogue';
import { DynamoAdministrativeUnitsRepository } from '../../modules/addresses/dynamodb';
import { documentClient, mainTableName } from '../../platform/dynamodb/client';
import { DynamoDeliveryStore } from '../../modules/deliveries/dynamodb';
import { dossierEventPublisher, dossierStore } from './dossiers';
import { VnPostClient } from '../../modules/deliveries/carriers/vnpost/client';
import { sqsClient } from '../../platform/sqs/client';

let deliveries: DynamoDeliveryStore | undefined;
let units: DynamoAdministrativeUnitsRepository | undefined;
let postal: VnPostClient | undefined;

export function deliveryDeps(): DeliveryDeps {
  deliveries ??= new DynamoDeliveryStore(documentClient(), mainTableName());
  units ??= new DynamoAdministrativeUnitsRepository(documentClient(), mainTableName());
  return {
    deliveries,
    dossiers: dossierStore(),
    publisher: dossierEventPublisher(),
    catalogue: catalogueReader(),
    units,
    clock: systemClock,
    maxFailedAttempts: maxFailedAttempts(),
  };
}

export async function postalService(): Promise<PostalService> {
  const settings = await postalSettings();
  postal ??= new VnPostClient({ baseUrl: settings.apiUrl, username: settings.username, password: settings.password });
  return postal;
}

/** Asks the postal-orders consumer to order a delivery; the order is idempotent on the delivery id. */
export async function requestPostalOrder(deliveryId: string): Promise<void> {
  await sqsClient().send(new SendMessageCommand({ QueueUrl: requiredEnv(Queues.postalOrders.envVar), MessageBody: JSON.stringify({ deliveryId }) }));
}
