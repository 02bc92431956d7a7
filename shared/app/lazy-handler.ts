import { createContainer, type Container } from './container';
import { settingsFromEnv } from './settings';

/**
 * A function module's default `handler`: `makeHandler` applied to a container built from the
 * environment on the first invocation, not at import. A cold import stays cheap (no settings read, no
 * SDK client) and the module can be imported where no settings exist (tests, the CDK app, the local
 * runtime, which calls `makeHandler` with its own container). A build that throws is tried again.
 */
export function lazyHandler<Args extends unknown[], R>(
  makeHandler: (container: Container) => (...args: Args) => R,
  container: () => Container = () => createContainer(settingsFromEnv()),
): (...args: Args) => R {
  let handler: ((...args: Args) => R) | undefined;
  return (...args) => {
    handler ??= makeHandler(container());
    return handler(...args);
  };
}
