/** The notifications module's public surface: what other modules and the app may import. */
export { NOTICE_CHANNELS, type NoticeChannelName } from './domain/fallback';
export { NoticeMachine, NOTICE_STATUSES, type Notice, type NoticeStatus } from './domain/notice';
export { NOTICE_KINDS, type NoticeKind } from './domain/templates';
export { noticeKindOf, wasApplied } from './domain/plan';
export { enqueueNotice, type EnqueueDeps } from './use-cases/notices';
