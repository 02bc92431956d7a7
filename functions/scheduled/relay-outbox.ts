import { dossierEventPublisher, dossierStore } from '../../shared/app/wiring/dossiers';
import { integerEnv } from '../../shared/platform/config/env';
import { logger } from '../../shared/platform/observability/logger';
import { DEFAULT_RELAY_SETTINGS, relayOutbox } from '../../shared/modules/dossiers/use-cases/relay-outbox';

/**
 * Every minute: events written with a state change and still not applied (their publish failed, or
 * the message was lost before the consumer applied it) go out again, with backoff per event.
 * OUTBOX_RELAY_GRACE_SECONDS / OUTBOX_RELAY_BASE_DELAY_SECONDS shorten the waits (tests, local runs).
 */
export const handler = async (): Promise<{ relayed: number }> => {
  const settings = {
    ...DEFAULT_RELAY_SETTINGS,
    graceMs: integerEnv('OUTBOX_RELAY_GRACE_SECONDS', DEFAULT_RELAY_SETTINGS.graceMs / 1000, 0) * 1000,
    baseDelayMs: integerEnv('OUTBOX_RELAY_BASE_DELAY_SECONDS', DEFAULT_RELAY_SETTINGS.baseDelayMs / 1000) * 1000,
  };
  const relayed = await relayOutbox(dossierStore(), dossierEventPublisher(), new Date(), settings);
  if (relayed > 0) logger.warn('re-sent dossier events not applied yet', { relayed });
  return { relayed };
};
