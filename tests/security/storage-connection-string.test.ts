import { expect } from 'chai';
import { loadConfig } from '../../src/config.js';
import { createStorage } from '../../src/storage/create-storage.js';
import { configProblems } from '../support/config-problems.js';
import { spawnBot } from './bot-process.js';

/** Stands in for an account key: what must never appear in an error. */
const SECRET = 'c2VjcmV0LWFjY291bnQta2V5';

/**
 * Finding 13: a connection string the Azure SDK could not use stopped the bot with a raw "TypeError: Invalid URL"
 * and its stack, far from the setting that caused it.
 */
describe('a bad AZURE_STORAGE_CONNECTION_STRING (finding 13)', function () {
  this.timeout(30_000);

  const blob = (connectionString: string): NodeJS.ProcessEnv => ({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString });

  const bad: Array<[string, string]> = [
    ['words, not a connection string', `not-a-connection-string-${SECRET}`],
    ['an account key without an account name', `DefaultEndpointsProtocol=https;AccountKey=${SECRET};EndpointSuffix=core.windows.net`],
    ['an account key that is not base64', `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${SECRET}!!;EndpointSuffix=core.windows.net`],
    ['no endpoint suffix and no blob endpoint', `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${SECRET}`],
    ['a blob endpoint that is not a URL', `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${SECRET};BlobEndpoint=not a url`],
    ['a SAS without a blob endpoint', `SharedAccessSignature=sv=2022&sig=${SECRET}`],
  ];
  for (const [what, value] of bad) {
    it(`names the variable for ${what}, and never repeats the value`, () => {
      const problems = configProblems(blob(value));
      expect(problems).to.include('AZURE_STORAGE_CONNECTION_STRING');
      expect(problems).to.not.include(SECRET);
    });
  }

  const good: Array<[string, string]> = [
    ['the Azure portal\'s form', `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${SECRET};EndpointSuffix=core.windows.net`],
    ['an explicit blob endpoint (Azurite\'s form)', `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${SECRET};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`],
    ['a SAS', `BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=${SECRET}`],
    ['the development storage shortcut', 'UseDevelopmentStorage=true'],
  ];
  for (const [what, value] of good) {
    it(`accepts ${what}, as the Azure SDK does`, () => {
      const { storage } = loadConfig(blob(value));
      expect(storage).to.have.property('kind', 'blob');
      expect(() => createStorage(storage)).to.not.throw();
    });
  }

  it('stops the real process with a configuration error naming the variable: no TypeError, no stack, no value', async () => {
    const bot = spawnBot(blob(`not-a-connection-string-${SECRET}`));
    const failed = await bot.then(() => undefined, (error: Error) => error.message);
    expect(failed, 'the bot must not start').to.be.a('string');
    expect(failed).to.include('exited with 1');
    expect(failed).to.include('Invalid configuration').and.to.include('AZURE_STORAGE_CONNECTION_STRING');
    expect(failed).to.not.include('TypeError').and.not.include('    at ').and.not.include(SECRET);
  });
});
