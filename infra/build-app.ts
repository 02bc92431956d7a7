import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readStackConfig } from './config';
import { ToantrinhStack, type ToantrinhStackProps } from './stacks/toantrinh-stack';

export interface BuiltApp {
  readonly app: App;
  readonly stack: ToantrinhStack;
}

/**
 * Builds the app without synthesizing it, so tests can inspect it. `overrides` replace the
 * definitions from shared/config (tests use it to cover trigger kinds the real list lacks);
 * `appProps` lets tests skip the slow built-in CloudFormation schema validation.
 */
export function buildApp(
  context?: Record<string, unknown>,
  overrides: Omit<ToantrinhStackProps, 'config'> = {},
  appProps: Omit<AppProps, 'context'> = {},
): BuiltApp {
  const app = new App({ ...appProps, ...(context ? { context } : {}) });
  const config = readStackConfig(app);
  const stack = new ToantrinhStack(app, `Toantrinh-${config.stage}`, {
    description: `toantrinh (${config.stage}): online fees and postal return of results`,
    ...overrides,
    config,
  });
  // cdk-nag 3 is a policy-validation plugin: synthesis fails on any unacknowledged finding.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
