import { randomUUID } from 'node:crypto';
import type { Dossier } from '../../shared/modules/dossiers/domain/dossier';
import { newDossier } from '../../shared/modules/dossiers/domain/register';
import type { DossierEvent } from '../../shared/modules/dossiers/api/dossier-events';
import type { RegisterDossierRequest } from '../../shared/modules/dossiers/api/dossier';

export const T0 = new Date('2026-03-10T02:00:00Z');

export function registration(overrides: Partial<RegisterDossierRequest> = {}): RegisterDossierRequest {
  return {
    procedureCode: '2.000815',
    agencyCode: 'HP-PX',
    channel: 'online',
    submittedAt: T0.toISOString(),
    applicant: { citizenId: '031099012345', fullName: 'Nguyễn Văn A', phone: '+84912345678' },
    inputs: { pages: 3, copies: 1 },
    ...overrides,
  };
}

export function dossierOwing(total: number, overrides: Partial<RegisterDossierRequest> = {}): Dossier {
  const fees = {
    scheduleVersion: 'v1',
    submittedAt: T0.toISOString(),
    assessedAt: T0.toISOString(),
    items: total > 0 ? [{ kind: 'fee' as const, code: 'x', label: { vi: 'x', en: 'x' }, amount: total, basis: 'x', legalBasis: 'x' }] : [],
    reductions: [],
    total,
    currency: 'VND' as const,
  };
  return newDossier('H31-0001', registration(overrides), fees, 'hash', T0);
}

/** A dossier event with a fresh id, stamped at T0. */
export function event<T extends DossierEvent['type']>(type: T, payload: Omit<Extract<DossierEvent, { type: T }>, 'type' | 'version' | 'id' | 'occurredAt' | 'dossierNo'>, dossierNo = 'H31-0001'): Extract<DossierEvent, { type: T }> {
  return { type, version: 1, id: randomUUID(), occurredAt: T0.toISOString(), dossierNo, ...payload } as unknown as Extract<DossierEvent, { type: T }>;
}
