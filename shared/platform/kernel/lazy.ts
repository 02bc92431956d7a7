/**
 * A value built on its first use and kept. For what only some paths of a function read (a response
 * schema, which only the OpenAPI document reads): a cold import then does not build it, and a path
 * that needs it pays once. Work every invocation needs stays at import, where Lambda's init runs it.
 * Calls are marked free of effects, so a bundle drops a lazy value nothing in it reads.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazily<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
