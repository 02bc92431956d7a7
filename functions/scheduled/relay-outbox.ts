import { dossierEventPublisher, dossierStore } from '../../shared/adapters/dossiers';
import { logger } from '../../shared/observability/logger';
import { relayOutbox } from '../../shared/use-cases/relay-outbox';

/** Every minute: events whose request died between the state write and the publish go out now. */
export const handler = async (): Promise<{ relayed: number }> => {
  const relayed = await relayOutbox(dossierStore(), dossierEventPublisher(), new Date());
  if (relayed > 0) logger.warn('relayed stranded dossier events', { relayed });
  return { relayed };
};
