import { describe, expect, it } from 'vitest';
import { applyDossierEvent } from '../../../../../../shared/modules/dossiers/domain/apply-event';
import { hasApplied, recordingEvent } from '../../../../../../shared/modules/dossiers/domain/applied-events';
import { dossierOwing, event, T0 } from '../../../../../support/dossiers';

const NOW = new Date(T0.getTime() + 60_000);
const paid = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 5_000, paidAt: T0.toISOString() });
const registered = event('DossierRegistered', { channel: 'online', feesTotal: 5_000 });
const early = event('ResultCollected', { collectedAt: T0.toISOString() });

describe('Domain: which events a dossier has applied', () => {
  it.each([
    ['an applied event (its timeline line)', paid],
    ['a refused event (recorded on the timeline, applied=false)', early],
    ['a registration (no timeline line: kept in appliedEventIds)', registered],
  ] as const)('knows %s once written, and not before', (_case, e) => {
    // Prepare
    const before = dossierOwing(5_000);

    // Act
    const written = recordingEvent(before, applyDossierEvent(before, e, NOW), e.id).dossier;

    // Assess
    expect(hasApplied(before, e.id)).toBe(false);
    expect(hasApplied(written, e.id)).toBe(true);
    expect(written.version).toBe(before.version + 1);
  });

  it('leaves a result that moved the version as it is (the timeline already names the event)', () => {
    const before = dossierOwing(5_000);
    const result = applyDossierEvent(before, paid, NOW);
    expect(recordingEvent(before, result, paid.id)).toBe(result);
    expect(result.dossier.appliedEventIds).toBeUndefined();
  });

  it('records a same-version event by its id, keeping updatedAt (nothing changed for readers) and the ids before it', () => {
    const before = { ...dossierOwing(5_000), appliedEventIds: ['registered-older'] };
    const { dossier, applied, kpi } = recordingEvent(before, applyDossierEvent(before, registered, NOW), registered.id);
    expect(dossier).toMatchObject({ appliedEventIds: ['registered-older', registered.id], version: before.version + 1, updatedAt: before.updatedAt, timeline: before.timeline });
    expect(applied).toBe(true);
    expect(kpi).toMatchObject({ dossiers: 1, submittedOnline: 1, withFees: 1 });
  });

  it('does not take another event for this one', () => {
    const before = dossierOwing(5_000);
    const written = recordingEvent(before, applyDossierEvent(before, paid, NOW), paid.id).dossier;
    expect(hasApplied(written, `${paid.id}-other`)).toBe(false);
  });
});
