import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Metafile } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAMBDA_ESBUILD_OPTIONS } from '../../../../infra/bundling';
import { Functions } from '../../../../shared/app/functions';

/*
 * What lets esbuild leave out of a function's bundle the code that function does not run (issue 11.1):
 * annotated declarations, deployable modules without effects at import, and the bundles themselves.
 */

const root = join(import.meta.dirname, '../../../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourcesUnder(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const deployable = [...sourcesUnder('shared'), ...sourcesUnder('functions')];
/** The one deployable module with an effect at import: it gives zod/mini classic zod's English messages (see the file). */
const WITH_EFFECT = 'shared/platform/api/zod.ts';

async function inputsOf(functionName: string): Promise<string[]> {
  const fn = Functions.find((f) => f.name === functionName);
  if (!fn) throw new Error(`no function ${functionName}`);
  const result = await build({ ...LAMBDA_ESBUILD_OPTIONS, entryPoints: [join(root, fn.entry)], outfile: join(root, '.bundle-shape.mjs'), write: false, metafile: true, logLevel: 'silent' });
  const output = Object.values((result.metafile as Metafile).outputs)[0]!;
  return Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
}

describe('Operation files', () => {
  it('annotate every operation /* @__PURE__ */, so that a bundle drops the operations (and their schemas) its function does not serve', () => {
    for (const file of deployable) {
      const source = readFileSync(join(root, file), 'utf8');
      const operations = source.match(/=\s*(\/\*[^*]*\*\/\s*)?defineOperation\(/g)?.length ?? 0;
      const annotated = source.match(/= \/\* @__PURE__ \*\/ defineOperation\(/g)?.length ?? 0;
      expect(annotated, file).toBe(operations);
    }
  });
});

describe('Deployable modules (shared/, functions/)', () => {
  it('do nothing at import but declare: package.json may tell esbuild they have no side effects', () => {
    // A bare top-level statement (a call, an assignment, a loop) would be lost when a bundle drops its module.
    const effects: string[] = [];
    for (const file of deployable.filter((path) => path !== WITH_EFFECT)) {
      const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
      for (const statement of source.statements) {
        const declares =
          ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isExportAssignment(statement) || ts.isImportEqualsDeclaration(statement) ||
          ts.isVariableStatement(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) ||
          ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement) ||
          ts.isEmptyStatement(statement);
        if (!declares) effects.push(`${file}:${source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1}`);
      }
    }
    expect(effects).toEqual([]);
  });

  it('are the only sources package.json declares free of side effects', () => {
    // Prepare: the folders of code in the repository (local/, scripts/, test/, bench/, infra/ are never bundled into a Lambda).
    const { sideEffects } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { sideEffects?: string[] };
    const folders = new Set(
      execFileSync('git', ['ls-files', '*.ts', '*.js', '*.mjs', '*.cjs'], { cwd: root, encoding: 'utf8' })
        .split('\n')
        .filter((path) => path.includes('/'))
        .map((path) => path.split('/')[0]!),
    );

    // Assess: every other folder keeps its effects, and so do files at the root (configuration).
    expect(folders.has('shared') && folders.has('functions')).toBe(true);
    expect(new Set(sideEffects)).toEqual(new Set([...[...folders].filter((dir) => dir !== 'shared' && dir !== 'functions').map((dir) => `./${dir}/**`), './*', `./${WITH_EFFECT}`]));
  });
});

// Bundling takes seconds on a busy machine: these build a few real functions with the stack's esbuild settings.
describe('Function bundles', { timeout: 60_000 }, () => {
  it('carry phone validation (libphonenumber-js) only in functions that take a phone number', async () => {
    // Prepare: read-only functions answer phones as stored; registrations validate them.
    const readers = ['GetDossier', 'ListDossiers', 'GetDelivery', 'MarkResultReady'];

    // Act
    const [registration, ...read] = await Promise.all(['RegisterDossier', ...readers].map(inputsOf));

    // Assess
    expect(registration!.some((path) => path.includes('libphonenumber-js'))).toBe(true);
    read.forEach((inputs, i) => expect(inputs.filter((path) => path.includes('libphonenumber-js')), readers[i]).toEqual([]));
  });

  it('carry zod/mini with its English messages, never classic zod', async () => {
    // Act: a request with a body (its 400 names each field in English) and a queue consumer.
    const bundles = await Promise.all(['RegisterDossier', 'DeliverPortalWebhooks'].map(inputsOf));

    // Assess: the module with the messages survives tree shaking (package.json keeps its effect).
    for (const inputs of bundles) {
      expect(inputs.some((path) => path.endsWith('zod/v4/locales/en.js'))).toBe(true);
      expect(inputs.some((path) => path.endsWith('shared/platform/api/zod.ts'))).toBe(true);
      expect(inputs.filter((path) => path.includes('zod/v4/classic/'))).toEqual([]);
    }
  });

  it('carry no other area\'s provider code or SDK client than the function uses', async () => {
    // Act
    const getDossier = await inputsOf('GetDossier');

    // Assess: the dossier read needs the dossier, portal-sync and finance stores only.
    const foreign = getDossier.map((path) => relative(root, path)).filter((path) => /^shared\/modules\/.*\/providers\/|client-sqs|client-s3|client-sesv2|vietnam-qr-pay/.test(path));
    expect(foreign).toEqual([]);
  });

  it('build the dossier event schemas only in the functions that parse events, the dossier view only where it is answered', async () => {
    // Prepare: these name a dossier by its number (path, payment, delivery) and nothing more of it.
    const namers = ['GetDelivery', 'GetPayment', 'CreatePayment', 'ListReceipts', 'ListNotifications'];

    // Act
    const [consumer, getDossier, ...named] = await Promise.all(['ApplyDossierEvents', 'GetDossier', ...namers].map(inputsOf));

    // Assess: a file's top level runs whole at import once any export of it is used.
    expect(consumer!.some((path) => path.endsWith('dossiers/api/dossier-events.ts'))).toBe(true);
    expect(getDossier!.some((path) => path.endsWith('dossiers/api/dossier.ts'))).toBe(true);
    named.forEach((inputs, i) => {
      expect(inputs.some((path) => path.endsWith('dossiers/api/vocabulary.ts')), namers[i]).toBe(true);
      expect(inputs.filter((path) => /dossiers\/api\/(dossier-events|dossier)\.ts$/.test(path)), namers[i]).toEqual([]);
    });
  });
});
