import { describe, expect, it } from 'vitest';
import { channelsFor, classifyZnsError, decide, type NoticeChannelName } from '../../../../../../shared/modules/notifications/domain/fallback';

const ALL: NoticeChannelName[] = ['zns', 'sms', 'email'];

describe('Fallback: ZNS error codes', () => {
  it.each([
    [-108, 'recipient'], [-110, 'recipient'], [-114, 'recipient'], [-118, 'recipient'], [-119, 'recipient'], [-139, 'recipient'], [-141, 'recipient'],
    [-100, 'temporary'], [-133, 'temporary'],
    [-124, 'auth'], [-216, 'auth'], [-220, 'auth'],
    [-101, 'refused'], [-109, 'refused'], [-111, 'refused'], [-112, 'refused'], [-115, 'refused'], [-117, 'refused'], [-131, 'refused'],
    [-135, 'refused'], [-144, 'refused'], [-146, 'refused'], [-147, 'refused'], [-1121, 'refused'], [-1122, 'refused'], [-9999, 'refused'],
  ] as const)('%i is %s', (code, kind) => {
    expect(classifyZnsError(code)).toBe(kind);
  });
});

describe('Fallback: the decision table', () => {
  it.each([
    ['ZNS accepted', { kind: 'accepted', messageId: 'm', final: false }, 'zns', { action: 'await_receipt' }],
    ['SMS accepted', { kind: 'accepted', messageId: 'm', final: true }, 'sms', { action: 'done' }],
    ['ZNS recipient error', { kind: 'recipient', code: '-118' }, 'zns', { action: 'fallback', to: 'sms' }],
    ['ZNS refused (quota)', { kind: 'refused', code: '-144' }, 'zns', { action: 'fallback', to: 'sms' }],
    ['SMS recipient error', { kind: 'recipient', code: '104' }, 'sms', { action: 'fallback', to: 'email' }],
    ['email refused, nothing left', { kind: 'refused', code: 'AccessDenied' }, 'email', { action: 'fail' }],
    ['ZNS temporary', { kind: 'temporary', code: '-100' }, 'zns', { action: 'retry' }],
    ['ZNS token still refused after one refresh', { kind: 'auth', code: '-124' }, 'zns', { action: 'retry' }],
  ] as const)('%s → %j', (_case, outcome, current, decision) => {
    expect(decide(outcome, ALL, current)).toEqual(decision);
  });

  it('skips email for an applicant without an address and channels the citizen turned off', () => {
    expect(channelsFor({ hasEmail: false, optedOut: new Set(), enabled: new Set(ALL) })).toEqual(['zns', 'sms']);
    expect(channelsFor({ hasEmail: true, optedOut: new Set(['zns']), enabled: new Set(ALL) })).toEqual(['sms', 'email']);
    expect(decide({ kind: 'recipient', code: '-118' }, ['zns'], 'zns')).toEqual({ action: 'fail' });
  });
});
