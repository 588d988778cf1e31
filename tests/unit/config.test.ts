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
    ['a connector timeout of zero', { CONNECTOR_TIMEOUT_SECONDS: '0' }, 'CONNECTOR_TIMEOUT_SECONDS'],
    ['a connector timeout over 10 s', { CONNECTOR_TIMEOUT_SECONDS: '11' }, 'CONNECTOR_TIMEOUT_SECONDS'],
    ['a negative shutdown notice', { SHUTDOWN_NOTICE_SECONDS: '-1' }, 'SHUTDOWN_NOTICE_SECONDS'],
    ['a shutdown drain that is not a number', { SHUTDOWN_DRAIN_SECONDS: 'ten' }, 'SHUTDOWN_DRAIN_SECONDS'],
    ['an allowed service URL with a path', { ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.net/amer/' }, 'ALLOWED_SERVICE_URLS'],
  ];
  for (const [what, env, variable] of bad) {
    it(`rejects ${what}, naming ${variable}`, () => {
      expect(problemsOf(env)).to.include(variable);
    });
  }

  it('reads the connector and shutdown settings, in seconds, into milliseconds', () => {
    const config = loadConfig({ CONNECTOR_TIMEOUT_SECONDS: '2.5', SHUTDOWN_NOTICE_SECONDS: '0', SHUTDOWN_DRAIN_SECONDS: '3', ALLOWED_SERVICE_URLS: 'https://A.example, http://b.example:8080' });
    expect(config.connector).to.deep.equal({ timeoutMs: 2500, allowedServiceUrls: ['https://a.example', 'http://b.example:8080'] });
    expect(config.shutdown).to.deep.equal({ noticeMs: 0, drainMs: 3000 });
  });

  it('never repeats the password in the error', () => {
    expect(problemsOf({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'hunter2', MicrosoftAppType: 'SingleTenant' })).to.not.include('hunter2');
  });
});
