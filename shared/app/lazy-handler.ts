import { settingsFromEnv } from './settings';
import { compose, type AnyPart, type ContainerOf } from './container/part';

/**
 * A function module's default `handler`: `makeHandler` applied to a container built from the
 * environment on the first invocation, not at import. A cold import stays cheap (no settings read, no
 * SDK client) and the module can be imported where no settings exist (tests, the CDK app, the local
 * runtime, which calls `makeHandler` with its own container). A build that throws is tried again.
 *
 * The container is composed from `parts` only, so the bundle carries only their adapters; the parts
 * must give every member `makeHandler`'s parameter asks for, or this call does not compile.
 * Tests pass a function that returns a container instead.
 */
export function lazyHandler<C, Args extends unknown[], R, const Ps extends readonly AnyPart[]>(
  makeHandler: (container: C) => (...args: Args) => R,
  parts: (Ps & (ContainerOf<Ps> extends C ? unknown : { readonly missing: 'a part that gives what makeHandler reads' })) | (() => C),
): (...args: Args) => R {
  const container = typeof parts === 'function' ? parts : () => compose(settingsFromEnv(), parts as Ps) as unknown as C;
  let handler: ((...args: Args) => R) | undefined;
  return (...args) => {
    handler ??= makeHandler(container());
    return handler(...args);
  };
}
