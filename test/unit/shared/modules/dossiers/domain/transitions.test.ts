import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES, DossierStatuses } from '../../../../../../shared/modules/dossiers/domain/status';
import { assertTransition, DossierMachine, DossierTransitions, InvalidStateTransitionError } from '../../../../../../shared/modules/dossiers/domain/transitions';

describe('Table: DossierTransitions', () => {
  it.each(DOSSIER_STATUSES)('has %s in the table', (status) => {
    expect(DossierTransitions.some((t) => t.from === status || t.to === status)).toBe(true);
  });

  it('leaves terminal statuses only never', () => {
    for (const t of DossierTransitions) expect(DossierStatuses[t.from].terminal, `${t.from} → ${t.to}`).toBe(false);
  });

  it('can reach every non-initial status from RECEIVED', () => {
    const reached = new Set(['RECEIVED']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of DossierTransitions) if (reached.has(t.from) && !reached.has(t.to)) (reached.add(t.to), (changed = true));
    }
    expect([...reached].sort()).toEqual([...DOSSIER_STATUSES].sort());
  });

  it('maps statuses to the national portal codes of domain.md', () => {
    expect(Object.fromEntries(DOSSIER_STATUSES.map((s) => [s, DossierStatuses[s].nationalPortalCode]))).toEqual({
      RECEIVED: 2, AWAITING_PAYMENT: 6, PROCESSING: 4, SUPPLEMENT_REQUESTED: 5, RESULT_READY: 9, RESULT_RETURNED: 10, REJECTED: 3, WITHDRAWN: 7, STOPPED: 8,
    });
  });

  it.each([
    ['AWAITING_PAYMENT', 'RESULT_READY', 'ResultReady'],
    ['RESULT_RETURNED', 'PROCESSING', 'SupplementReceived'],
    ['WITHDRAWN', 'PROCESSING', 'PaymentSucceeded'],
    ['RESULT_READY', 'WITHDRAWN', 'DossierWithdrawn'],
  ] as const)('refuses %s → %s on %s with a typed error', (from, to, on) => {
    expect(() => assertTransition(from, to, on)).toThrow(InvalidStateTransitionError);
  });
});

describe('Machine: DossierMachine', () => {
  it('agrees with the status table on which statuses are terminal', () => {
    expect(DossierMachine.terminalStatuses().sort()).toEqual(DOSSIER_STATUSES.filter((s) => DossierStatuses[s].terminal).sort());
  });

  it.each([
    ['PaymentSucceeded', ['AWAITING_PAYMENT', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESULT_READY']],
    ['DeliveryStatusChanged', ['AWAITING_PAYMENT', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESULT_READY']],
    ['DossierWithdrawn', ['RECEIVED', 'AWAITING_PAYMENT', 'PROCESSING', 'SUPPLEMENT_REQUESTED']],
    ['ResultCollected', ['RESULT_READY']],
  ] as const)('accepts %s only in %j (the lists other modules used to type by hand)', (cause, statuses) => {
    expect(DossierMachine.statusesAccepting(cause).sort()).toEqual([...statuses].sort());
  });

  it('refuses with the INVALID_STATE_TRANSITION code and the message of the HTTP contract', () => {
    const refusal = (() => {
      try {
        assertTransition('AWAITING_PAYMENT', 'RESULT_READY', 'ResultReady');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ code: 'INVALID_STATE_TRANSITION', message: 'ResultReady cannot move a dossier from AWAITING_PAYMENT to RESULT_READY' });
  });
});
