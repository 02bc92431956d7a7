import { describe, expect, it } from 'vitest';
import { InvalidStateTransitionError, StateMachine, type Edge } from '../../../../../shared/platform/kernel/state-machine';

type S = 'open' | 'paid' | 'expired' | 'closed';
type C = 'Pay' | 'Expire' | 'LatePay' | 'Close' | 'Note';
const edges: Edge<S, C>[] = [
  { from: 'open', to: 'paid', on: 'Pay' },
  { from: 'open', to: 'expired', on: 'Expire' },
  { from: 'expired', to: 'paid', on: 'LatePay', bypass: 'money taken after our expiry' },
  { from: 'paid', to: 'closed', on: 'Close' },
  { from: 'open', to: 'open', on: 'Note' },
  { from: 'paid', to: 'paid', on: 'Note' },
];
const machine = new StateMachine<S, C>(['open', 'paid', 'expired', 'closed'], edges, { name: 'order', errorCode: 'INVALID_ORDER_TRANSITION' });

describe('Class: StateMachine', () => {
  it.each([
    ['open', 'paid', 'Pay', true],
    ['open', 'closed', 'Pay', false],
    ['expired', 'paid', 'LatePay', true],
    ['expired', 'paid', 'Pay', false],
    ['closed', 'closed', 'Note', false],
  ] as const)('%s → %s on %s allowed: %s', (from, to, on, allowed) => {
    expect(machine.isAllowed(from, to, on)).toBe(allowed);
  });

  it('guards with a typed error that carries the machine, the edge and the code', () => {
    // Act
    const refusal = (() => {
      try {
        machine.assert('closed', 'open', 'Pay');
      } catch (error) {
        return error;
      }
    })();
    // Assess
    expect(refusal).toBeInstanceOf(InvalidStateTransitionError);
    expect(refusal).toMatchObject({ machine: 'order', from: 'closed', to: 'open', on: 'Pay', code: 'INVALID_ORDER_TRANSITION' });
  });

  it('derives the statuses accepting a cause instead of hand-typed lists', () => {
    expect(machine.statusesAccepting('Note').sort()).toEqual(['open', 'paid']);
    expect(machine.statusesAccepting('LatePay')).toEqual(['expired']);
  });

  it('names the only target or refuses', () => {
    expect(machine.next('open', 'Pay')).toBe('paid');
    expect(() => machine.next('paid', 'Pay')).toThrow(InvalidStateTransitionError);
  });

  it('lists terminal statuses and bypasses', () => {
    expect(machine.terminalStatuses()).toEqual(['closed']);
    expect(machine.bypasses()).toEqual([edges[2]]);
  });

  it('refuses an edge to a status outside the machine', () => {
    expect(() => new StateMachine<S, C>(['open'], [{ from: 'open', to: 'paid', on: 'Pay' }], { name: 'x' })).toThrow(/outside the machine/);
  });

  it('renders a Mermaid diagram with the start, the bypass and the end', () => {
    const diagram = machine.toMermaid();
    expect(diagram).toContain('[*] --> open');
    expect(diagram).toContain('expired --> paid : LatePay (bypass)');
    expect(diagram).toContain('closed --> [*]');
  });
});
