/** The national-portal module's public surface: the only thing other modules and the app import. */
export type { NationalPortal, PortalPushRequester, SyncStateStore } from './ports';
export type { SyncStatus, SyncView } from './domain/sync-state';
export { SyncStatuses } from './domain/sync-state';
export { portalSyncView, requestPortalPush } from './use-cases/sync';
