import { BusinessRuleError } from './errors';

/**
 * One state machine for every lifecycle (dossier, payment, delivery, …): a table of edges, each
 * naming the cause that may take it, one guard, and named bypasses (pay-connector's "force update
 * to match the provider"), so no module writes its own `if (status === …)` chains.
 */
export interface Edge<S extends string, C extends string> {
  readonly from: S;
  readonly to: S;
  readonly on: C;
  /**
   * Set on the few edges that go against the normal flow, with the reason they exist (e.g. money
   * the provider took after our expiry). Diagrams draw them dashed.
   */
  readonly bypass?: string;
}

export class InvalidStateTransitionError extends BusinessRuleError {
  override readonly code: string;
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string | undefined,
    readonly on: string,
    code = 'INVALID_STATE_TRANSITION',
  ) {
    super(to ? `${on} cannot move a ${machine} from ${from} to ${to}` : `${on} is not allowed while the ${machine} is ${from}`);
    this.code = code;
  }
}

export interface StateMachineOptions {
  /** What the machine moves, for messages and diagrams (`dossier`, `payment`). */
  readonly name: string;
  /** The error code a refused move carries (kept per machine so the HTTP contract stays stable). */
  readonly errorCode?: string;
}

export class StateMachine<S extends string, C extends string> {
  readonly name: string;
  private readonly errorCode: string;

  constructor(
    readonly statuses: readonly S[],
    readonly edges: readonly Edge<S, C>[],
    options: StateMachineOptions,
  ) {
    this.name = options.name;
    this.errorCode = options.errorCode ?? 'INVALID_STATE_TRANSITION';
    const known = new Set<string>(statuses);
    const stray = edges.find((e) => !known.has(e.from) || !known.has(e.to));
    if (stray) throw new Error(`${this.name} edge ${stray.from} → ${stray.to} names a status outside the machine`);
  }

  isAllowed(from: S, to: S, on: C): boolean {
    return this.edges.some((e) => e.from === from && e.to === to && e.on === on);
  }

  /** Whether `on` can do anything at all in `from`. */
  accepts(from: S, on: C): boolean {
    return this.edges.some((e) => e.from === from && e.on === on);
  }

  /** Where `on` may take a machine that is in `from` (several when the event decides, e.g. with or without fees). */
  targets(from: S, on: C): S[] {
    return unique(this.edges.filter((e) => e.from === from && e.on === on).map((e) => e.to));
  }

  /** Every status in which `on` is accepted: the condition of a conditional write, never hand-typed. */
  statusesAccepting(on: C): S[] {
    return unique(this.edges.filter((e) => e.on === on).map((e) => e.from));
  }

  /** Statuses with no way out. */
  terminalStatuses(): S[] {
    return this.statuses.filter((s) => !this.edges.some((e) => e.from === s && e.to !== s));
  }

  /** The named bypasses, for documentation and the reconciliation code that may take them. */
  bypasses(): Edge<S, C>[] {
    return this.edges.filter((e) => e.bypass !== undefined);
  }

  /** The one guard every state change goes through. */
  assert(from: S, to: S, on: C): void {
    if (!this.isAllowed(from, to, on)) throw new InvalidStateTransitionError(this.name, from, to, on, this.errorCode);
  }

  /** The single target of `on` from `from`, or the refusal. */
  next(from: S, on: C): S {
    const [to, ...others] = this.targets(from, on);
    if (to === undefined) throw new InvalidStateTransitionError(this.name, from, undefined, on, this.errorCode);
    if (others.length > 0) throw new Error(`${this.name}: ${on} from ${from} has several targets; the caller must choose`);
    return to;
  }

  /** A Mermaid state diagram: solid edges for the normal flow, dashed for bypasses, self-loops as notes on the timeline. */
  toMermaid(): string {
    const lines = ['stateDiagram-v2'];
    const initial = this.statuses.find((s) => !this.edges.some((e) => e.to === s && e.from !== s));
    if (initial) lines.push(`  [*] --> ${initial}`);
    const grouped = new Map<string, C[]>();
    for (const e of this.edges) {
      const key = `${e.from}\u0000${e.to}\u0000${e.bypass ? 'bypass' : ''}`;
      grouped.set(key, [...(grouped.get(key) ?? []), e.on]);
    }
    for (const [key, causes] of grouped) {
      const [from, to, bypass] = key.split('\u0000');
      const label = unique(causes).join(', ') + (bypass ? ' (bypass)' : '');
      lines.push(`  ${from} --> ${to} : ${label}`);
    }
    for (const s of this.terminalStatuses()) lines.push(`  ${s} --> [*]`);
    return lines.join('\n') + '\n';
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
