import { base } from '../../shared/app/container/base';
import { dossierEvents, dossierStore, relay } from '../../shared/app/container/dossiers';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { relayOutbox } from '../../shared/modules/dossiers/use-cases/relay-outbox';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierStore, dossierEvents, relay] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * Every minute: events written with a state change and still not applied (their publish failed, or
 * the message was lost before the consumer applied it) go out again, with backoff per event.
 * OUTBOX_RELAY_GRACE_SECONDS / OUTBOX_RELAY_BASE_DELAY_SECONDS shorten the waits (tests, local runs).
 */
export const makeHandler = (container: Deps) => async (): Promise<{ relayed: number }> => {
  const relayed = await relayOutbox(container.dossierStore, container.dossierEvents, container.clock.now(), container.relaySettings);
  if (relayed > 0) logger.warn('re-sent dossier events not applied yet', { relayed });
  return { relayed };
};

export const handler = lazyHandler(makeHandler, parts);
