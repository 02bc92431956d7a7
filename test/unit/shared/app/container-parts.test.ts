import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AllParts, createContainer } from '../../../../shared/app/container';
import { compose, definePart } from '../../../../shared/app/container/part';
import { base } from '../../../../shared/app/container/base';
import { dossierStore } from '../../../../shared/app/container/dossiers';
import { settingsFromEnv } from '../../../../shared/app/settings';
import { InMemoryDossierStore } from '../../../fakes/dossier-store';

const settings = () => ({ ...settingsFromEnv({}), tableName: 'Main', aws: { region: 'ap-southeast-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } } });

describe('Function: compose', () => {
  it('gives the listed parts and those they need, and no other part', () => {
    // Act
    const container = compose(settings(), [dossierStore]);

    // Assess: the store's client comes along; the SQS client, payments and deliveries do not.
    expect(container.dossierStore).toBeDefined();
    expect('documentClient' in container).toBe(true);
    expect('sqsClient' in container).toBe(false);
    expect('paymentStore' in container).toBe(false);
    expect('deliveryDeps' in container).toBe(false);
  });

  it('builds each member once, on first read, and honours overrides by member name', () => {
    // Prepare
    let builds = 0;
    const counted = definePart<{ readonly thing: object }>()('counted', [base], (_c, { once }) => ({
      get thing() {
        return once('thing', () => ({ n: ++builds }));
      },
    }));
    const fake = new InMemoryDossierStore();

    // Act
    const container = compose(settings(), [counted, dossierStore], { dossierStore: fake });

    // Assess
    expect(builds).toBe(0);
    expect(container.thing).toBe(container.thing);
    expect(builds).toBe(1);
    expect(container.dossierStore).toBe(fake);
  });

  it('refuses two parts that give the same member', () => {
    // Prepare
    const again = definePart<{ readonly clock: object }>()('again', [base], () => ({ clock: {} }));

    // Act, Assess
    expect(() => compose(settings(), [again])).toThrow(/clock is given by two parts \(the second is again\)/);
  });

  it('the full composition is every part: each member of createContainer comes from exactly one of them', () => {
    // Prepare
    const container = createContainer(settings());
    const fromParts = AllParts.flatMap((p) => Object.keys(Object.getOwnPropertyDescriptors(p.members(container as never, { settings: settings(), once: <T,>(_n: string, b: () => T) => b(), tableName: () => 'Main' }))));

    // Assess
    expect(new Set(fromParts).size).toBe(fromParts.length);
    expect(Object.keys(container).sort()).toEqual([...fromParts].sort());
  });
});

describe('Part files', () => {
  it('annotate every part /* @__PURE__ */, so that a bundle drops the parts (and their clients) its function does not compose', () => {
    const dir = join(import.meta.dirname, '../../../../shared/app/container');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'part.ts')) {
      const source = readFileSync(join(dir, file), 'utf8');
      const parts = source.match(/definePart</g)?.length ?? 0;
      const annotated = source.match(/\/\* @__PURE__ \*\/ definePart</g)?.length ?? 0;
      expect(annotated, file).toBe(parts);
    }
  });
});
