/**
 * Layering rules (run in `npm test` by test/layering/layering.test.ts):
 * - a module's domain is pure: only the kernel, its own domain and ports, other modules' types, plain libraries;
 * - modules talk to each other only through their index.ts;
 * - the platform knows no module, and nothing but the app wires modules together;
 * - deployable code (functions/, shared/, infra/) never imports local/, test/, bench/ or scripts/;
 * - deployable code reaches zod only through shared/platform/api/zod.ts (zod/mini with its English messages);
 * - no cycles.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'A module domain imports only the kernel, its own domain and ports, and libraries free of I/O; ' +
        'never a schema, an adapter or the platform beyond the kernel.',
      severity: 'error',
      from: { path: '^shared/modules/([^/]+)/domain/' },
      to: {
        pathNot: [
          '^shared/platform/kernel/',
          '^shared/modules/$1/domain/',
          '^shared/modules/$1/ports\\.ts$',
          '^shared/modules/[^/]+/index\\.ts$',
          '^node_modules/libphonenumber-js/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'domain-borrows-only-types',
      comment: "A domain may name another module's types (through its index), never run its code.",
      severity: 'error',
      from: { path: '^shared/modules/([^/]+)/domain/' },
      to: { path: '^shared/modules/[^/]+/index\\.ts$', pathNot: '^shared/modules/$1/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'modules-through-their-index',
      comment: 'Another module is reached only through its index.ts, never its internals.',
      severity: 'error',
      from: { path: '^shared/modules/([^/]+)/' },
      to: { path: '^shared/modules/([^/]+)/', pathNot: ['^shared/modules/$1/', '^shared/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'The platform is below the modules: it cannot depend on them or on the app.',
      severity: 'error',
      from: { path: '^shared/platform/' },
      to: { path: '^shared/(modules|app)/' },
    },
    {
      name: 'modules-do-not-wire',
      comment: 'Only the app (container, function list, operations) and entry points depend on the app.',
      severity: 'error',
      from: { path: '^shared/modules/' },
      to: { path: '^shared/app/' },
    },
    {
      name: 'deployable-stays-deployable',
      comment: 'What is bundled into a Lambda or synthesised never imports the local runtime, tests, bench or scripts.',
      severity: 'error',
      from: { path: '^(functions|shared|infra)/' },
      to: { path: '^(local|test|bench|scripts)/' },
    },
    {
      name: 'zod-through-the-platform',
      comment:
        'Schemas are written with zod/mini through shared/platform/api/zod.ts: classic zod would put ~95 KB back into ' +
        'a Lambda bundle, and zod/mini imported directly would answer "Invalid input" without the English messages.',
      severity: 'error',
      from: { path: '^(functions|shared)/', pathNot: '^shared/platform/api/zod\\.ts$' },
      to: { path: '(^|/)node_modules/zod/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // zod stays in view for zod-through-the-platform; other packages are not followed or checked.
    exclude: { path: '(^|/)(node_modules/(?!zod/)|cdk\\.out/|\\.local/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
