import { expect } from 'chai';
import { configProblems } from '../support/config-problems.js';
import { DEFAULT_PORT, loadConfig } from '../../src/config.js';

const problemsOf = configProblems;

describe('loadConfig', () => {
  it(`runs without authentication on port ${DEFAULT_PORT} when nothing is set`, () => {
    const config = loadConfig({});
    expect(config.port).to.equal(DEFAULT_PORT);
    expect(config.authEnabled).to.equal(false);
    expect(config.auth).to.deep.equal({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppType: ' ' }).port).to.equal(DEFAULT_PORT);
  });

  it('reads an app registration and a port', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'singletenant', MicrosoftAppTenantId: 'tenant', PORT: '8080' });
    expect(config.authEnabled).to.equal(true);
    expect(config.port).to.equal(8080);
    expect(config.auth.MicrosoftAppType).to.equal('SingleTenant');
  });

  it('allows a managed identity without a password', () => {
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant' }).authEnabled).to.equal(true);
  });

  const bad: Array<[string, NodeJS.ProcessEnv, string]> = [
    ['a port that is not a number', { PORT: 'eighty' }, 'PORT'],
    ['a port out of range', { PORT: '70000' }, 'PORT'],
    ['an unknown app type', { MicrosoftAppType: 'Personal' }, 'MicrosoftAppType'],
    ['an app id without a password', { MicrosoftAppId: 'app' }, 'MicrosoftAppPassword'],
    ['a single-tenant app without a tenant', { MicrosoftAppId: 'app', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
  ];
  for (const [what, env, variable] of bad) {
    it(`rejects ${what}, naming ${variable}`, () => {
      expect(problemsOf(env)).to.include(variable);
    });
  }

  it('never repeats the password in the error', () => {
    expect(problemsOf({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'hunter2', MicrosoftAppType: 'SingleTenant' })).to.not.include('hunter2');
  });
});
