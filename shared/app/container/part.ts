import type { Settings } from '../settings';

/** What every part builds with: the settings, and a memo that builds each member once per container. */
export interface Scope {
  readonly settings: Settings;
  /** Builds `name` on first use and keeps it; an override of that name wins; a rejected promise is forgotten. */
  once<T>(name: string, build: () => T): T;
  /** The table's physical name; throws naming TABLE_NAME where the function has no table access. */
  tableName(): string;
}

/**
 * One area's members of a container (its adapters and the dependency bundles of its use cases).
 * `members` returns an object of getters over `c`, the composed container, so nothing is built
 * until a handler reads it. A part names the parts it reads (`needs`); composing a part brings them in.
 */
export interface Part<Gives extends object = object> {
  readonly name: string;
  readonly needs: readonly AnyPart[];
  readonly members: (c: never, scope: Scope) => Gives;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPart = Part<any>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The members a list of parts gives (only the listed ones: a handler states every part it reads). */
export type ContainerOf<Ps extends readonly AnyPart[]> = UnionToIntersection<Ps[number] extends Part<infer G> ? G : never> & object;

/**
 * Declares a part: `export const x = /* @__PURE__ *\/ definePart<Members>()('name', [needed parts], (c, scope) => ({ get member() {…} }))`.
 * The annotation matters: without it esbuild must keep every part of a file a function imports (a
 * top-level call may have effects), and with it the parts' adapters and SDK clients.
 * Inside, `c` has this part's members and those of the parts it needs, and nothing else.
 */
export function definePart<Gives extends object>() {
  return <const Needs extends readonly AnyPart[]>(name: string, needs: Needs, members: (c: Gives & ContainerOf<Needs>, scope: Scope) => Gives): Part<Gives> => ({
    name,
    needs,
    members: members as Part<Gives>['members'],
  });
}

function closure(parts: readonly AnyPart[], into = new Set<AnyPart>()): Set<AnyPart> {
  for (const p of parts) {
    if (into.has(p)) continue;
    closure(p.needs, into);
    into.add(p);
  }
  return into;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new Error(`${what} is not set`);
  return value;
}

/**
 * Builds a container from parts and the parts they need. Each member is built on first use and then
 * kept for the life of the container (a Lambda container, or one local runtime); a failed
 * asynchronous build (e.g. SSM unreachable) is forgotten so that the next invocation tries again.
 */
export function compose<const Ps extends readonly AnyPart[]>(settings: Settings, parts: Ps, overrides: object = {}): ContainerOf<Ps> {
  const built = new Map<string, unknown>();
  const given = overrides as Record<string, unknown>;
  const scope: Scope = {
    settings,
    once<T>(name: string, build: () => T): T {
      if (name in given) return given[name] as T;
      if (!built.has(name)) {
        const value = build();
        built.set(name, value);
        if (value instanceof Promise) value.catch(() => built.delete(name));
      }
      return built.get(name) as T;
    },
    tableName: () => required(settings.tableName, 'The table name (TABLE_NAME)'),
  };
  const container = {};
  for (const p of closure(parts)) {
    const members = Object.getOwnPropertyDescriptors(p.members(container as never, scope));
    const twice = Object.keys(members).find((name) => name in container);
    if (twice) throw new Error(`container member ${twice} is given by two parts (the second is ${p.name})`);
    Object.defineProperties(container, members);
  }
  return container as ContainerOf<Ps>;
}

export { required };
