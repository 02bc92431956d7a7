/**
 * The zod every schema of this code is written with: zod/mini, the functional API over the same core as
 * classic zod (parsing, types, JSON Schema) at a fifth of its bytes in each Lambda bundle, and no method
 * wrappers built at import. Classic zod loads its English messages itself; mini does not, and the
 * `details` of a 400 (and the errors of settings, partner replies and catalogue files) are those
 * messages. A schema can only be written by importing this module, so they are loaded before any parse.
 * It is the one deployable module with an effect at import, and package.json says so (sideEffects), or
 * esbuild would drop it from a bundle along with the messages.
 *
 * Metadata (OpenAPI description, example, component id) is `.register(z.globalRegistry, {...})` on the
 * schema just built; a shared schema given a description of its own in one place is `.clone()`d first,
 * since `register` marks the very schema it is called on.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
