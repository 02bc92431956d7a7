import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { Queues } from '../config/resources';
import { requiredEnv } from '../config/env';
import { maxFailedAttempts, postalSettings } from '../config/postal-settings';
import { systemClock } from '../domain/time';
import type { DeliveryDeps } from '../use-cases/deliveries';
import type { PostalService } from '../ports/postal-service';
import { catalogueReader } from './catalogue';
import { DynamoAdministrativeUnitsRepository } from './dynamodb/administrative-units-repository';
import { documentClient, mainTableName } from './dynamodb/client';
import { DynamoDeliveryStore } from './dynamodb/delivery-store';
import { dossierEventPublisher, dossierStore } from './dossiers';
import { VnPostClient } from './postal/vnpost-client';
import { sqsClient } from './sqs/client';

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
