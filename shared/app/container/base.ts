import { serviceVersion } from '../../platform/config/version';
import { Queues, type QueueKey } from '../../platform/config/resources';
import type { RouteOptions } from '../../platform/http/route';
import { systemClock, type Clock } from '../../platform/kernel/time';
import type { Settings } from '../settings';
import { definePart, required } from './part';

/** What every handler may read: no SDK client, nothing built from a module. */
export interface BaseMembers {
  readonly settings: Settings;
  readonly clock: Clock;
  /** Options every HTTP route of this container shares (the portal origins for CORS). */
  readonly routeOptions: RouteOptions;
  readonly serviceVersion: string;
  queueUrl(queue: QueueKey): string;
}

export const base = /* @__PURE__ */ definePart<BaseMembers>()('base', [], (_c, { settings, once }) => ({
  settings,
  queueUrl: (queue: QueueKey) => required(settings.queueUrls[queue], `The queue URL ${Queues[queue].envVar}`),
  get clock() {
    return once('clock', () => systemClock);
  },
  get routeOptions() {
    return once('routeOptions', () => ({ corsOrigins: settings.corsOrigins }));
  },
  get serviceVersion() {
    return once('serviceVersion', () => serviceVersion(settings.values));
  },
}));
