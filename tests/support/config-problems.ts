import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config.js';

/** The ConfigError message loadConfig gives for this environment; fails the test if it loads without one. */
export function configProblems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).to.be.instanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}
