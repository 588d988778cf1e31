import { expect } from 'chai';
import { configProblems } from '../support/config-problems.js';
import { join } from 'node:path';
import { DEFAULT_PORT, loadConfig } from '../../src/config.js';
import { DEFAULT_PACK_DIR, FIXTURE_PACK_DIR, PROJECT_ROOT } from '../../src/paths.js';

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

  describe('knowledge, hand-off and logging', () => {
    it('serves the MSL pack, with no guide address, no advisor and no user text in logs, when nothing is set', () => {
      const config = loadConfig({});
      expect(config.knowledge).to.deep.equal({ packDirs: [DEFAULT_PACK_DIR], guideUrl: undefined });
      expect(config.advisor).to.deep.equal({ url: undefined, email: undefined });
      expect(config.logging).to.deep.equal({ level: 'info', userText: false, unansweredText: false });
    });

    it('reads KNOWLEDGE_DIR as a comma list of pack folders, relative to the project or absolute, the first first', () => {
      const config = loadConfig({ KNOWLEDGE_DIR: ` knowledge/msl , ${FIXTURE_PACK_DIR} ,, ` });
      expect(config.knowledge.packDirs).to.deep.equal([join(PROJECT_ROOT, 'knowledge', 'msl'), FIXTURE_PACK_DIR]);
    });

    it('reads GUIDE_URL without a trailing slash', () => {
      expect(loadConfig({ GUIDE_URL: 'https://careers.example.org/guides/msl/' }).knowledge.guideUrl).to.equal('https://careers.example.org/guides/msl');
    });

    it('reads an advisor\'s page and e-mail address', () => {
      expect(loadConfig({ ADVISOR_URL: 'https://careers.example.org/advisor', ADVISOR_EMAIL: 'advisor@example.org' }).advisor)
        .to.deep.equal({ url: 'https://careers.example.org/advisor', email: 'advisor@example.org' });
    });

    it('logs user text only when asked to, all of it or only unanswered questions', () => {
      expect(loadConfig({ LOG_USER_TEXT: 'TRUE' }).logging).to.include({ userText: true, unansweredText: false });
      expect(loadConfig({ LOG_UNANSWERED_TEXT: 'true' }).logging).to.include({ userText: false, unansweredText: true });
    });

    const bad: Array<[string, NodeJS.ProcessEnv, string]> = [
      ['a KNOWLEDGE_DIR naming no folder', { KNOWLEDGE_DIR: ' , ' }, 'KNOWLEDGE_DIR'],
      ['a GUIDE_URL that is not a URL', { GUIDE_URL: 'careers.example.org/guide' }, 'GUIDE_URL'],
      ['an ADVISOR_URL that is not https', { ADVISOR_URL: 'http://careers.example.org/advisor' }, 'ADVISOR_URL'],
      ['an ADVISOR_URL that runs script', { ADVISOR_URL: 'javascript:alert(1)' }, 'ADVISOR_URL'],
      ['an ADVISOR_EMAIL that is not an address', { ADVISOR_EMAIL: 'advisor at example.org' }, 'ADVISOR_EMAIL'],
      ['a LOG_UNANSWERED_TEXT that is not true or false', { LOG_UNANSWERED_TEXT: 'yes' }, 'LOG_UNANSWERED_TEXT'],
    ];
    for (const [what, env, variable] of bad) {
      it(`rejects ${what}, naming ${variable}`, () => {
        expect(problemsOf(env)).to.include(variable);
      });
    }
  });

  it('never repeats the password in the error', () => {
    expect(problemsOf({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'hunter2', MicrosoftAppType: 'SingleTenant' })).to.not.include('hunter2');
  });
});
