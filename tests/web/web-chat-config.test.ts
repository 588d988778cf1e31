import { expect } from 'chai';
import { configProblems } from '../support/config-problems.js';
import { DEFAULT_DIRECT_LINE_ENDPOINT, loadConfig } from '../../src/config.js';

const problemsOf = configProblems;

describe('the Web Chat configuration', () => {
  it('runs the local Direct Line with no secret and no other origins by default', () => {
    expect(loadConfig({}).webChat).to.deep.equal({
      directLineSecret: '',
      directLineEndpoint: DEFAULT_DIRECT_LINE_ENDPOINT,
      allowedOrigins: [],
      publicUrl: undefined,
      localDirectLine: true,
    });
  });

  it('turns the local Direct Line off when a Direct Line secret is set', () => {
    const { webChat } = loadConfig({ DIRECT_LINE_SECRET: 'secret' });
    expect(webChat.localDirectLine).to.equal(false);
    expect(webChat.directLineSecret).to.equal('secret');
  });

  it('keeps the local Direct Line on when the bot has an app id: its turns need no Azure token', () => {
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' }).webChat.localDirectLine).to.equal(true);
  });

  it('reads allowed origins, a Direct Line endpoint and a public URL, without trailing slashes', () => {
    const { webChat } = loadConfig({
      ALLOWED_ORIGINS: ' https://careers.example.org, http://localhost:8080/ ,',
      DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/',
      PUBLIC_URL: 'https://bot.example.org/',
    });
    expect(webChat.allowedOrigins).to.deep.equal(['https://careers.example.org', 'http://localhost:8080']);
    expect(webChat.directLineEndpoint).to.equal('https://europe.directline.botframework.com');
    expect(webChat.publicUrl).to.equal('https://bot.example.org');
  });

  const bad: Array<[string, NodeJS.ProcessEnv, string]> = [
    ['an allowed origin with a path', { ALLOWED_ORIGINS: 'https://careers.example.org/jobs' }, 'ALLOWED_ORIGINS'],
    ['an allowed origin that is not a URL', { ALLOWED_ORIGINS: 'careers.example.org' }, 'ALLOWED_ORIGINS'],
    ['a wildcard origin', { ALLOWED_ORIGINS: '*' }, 'ALLOWED_ORIGINS'],
    ['a Direct Line endpoint that is not http(s)', { DIRECT_LINE_ENDPOINT: 'ftp://directline.example' }, 'DIRECT_LINE_ENDPOINT'],
    ['a public URL that is not a URL', { PUBLIC_URL: 'bot.example.org' }, 'PUBLIC_URL'],
  ];
  for (const [what, env, variable] of bad) {
    it(`rejects ${what}, naming ${variable}`, () => {
      expect(problemsOf(env)).to.include(variable);
    });
  }

  it('never repeats the Direct Line secret in an error', () => {
    const message = problemsOf({ DIRECT_LINE_SECRET: 'hunter2', PUBLIC_URL: 'nope' });
    expect(message).to.include('PUBLIC_URL').and.not.include('hunter2');
  });
});
