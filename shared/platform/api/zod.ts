/**
 * The zod every schema of this code is written with: zod/mini, the functional API over the same core as
 * classic zod (parsing, types, JSON Schema) at a fifth of its bytes in each Lambda bundle, and no method
 * wrappers built at import. Classic zod loads its English messages itself; mini does not, and the
 * `details` of a 400 (and the errors of settings, partner replies and catalogue files) are those
 * messages. A schema can only be written by importing this module, so they are loaded before any parse.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
