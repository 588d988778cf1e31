import { expect } from 'chai';
import { configProblems } from '../support/config-problems.js';
import { DEFAULT_BLOB_CONTAINER, DEFAULT_STATE_MAX_CONVERSATIONS, DEFAULT_STATE_TTL_SECONDS, loadConfig } from '../../src/config.js';
import { BlobStateStorage } from '../../src/storage/blob-state-storage.js';
import { BoundedMemoryStorage } from '../../src/storage/bounded-memory-storage.js';
import { createStorage } from '../../src/storage/create-storage.js';

const CONNECTION_STRING = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=c2VjcmV0;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;';

const problemsOf = configProblems;

describe('the storage configuration', () => {
  it('keeps state in bounded memory by default', () => {
    expect(loadConfig({}).storage).to.deep.equal({ kind: 'memory', ttlSeconds: DEFAULT_STATE_TTL_SECONDS, maxConversations: DEFAULT_STATE_MAX_CONVERSATIONS });
  });

  it('reads the TTL and the maximum number of conversations', () => {
    expect(loadConfig({ STATE_TTL_SECONDS: '600', STATE_MAX_CONVERSATIONS: '500', STORAGE: ' Memory ' }).storage)
      .to.deep.equal({ kind: 'memory', ttlSeconds: 600, maxConversations: 500 });
  });

  it('uses a blob container, by default the standard one, when STORAGE is blob', () => {
    expect(loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING }).storage)
      .to.deep.equal({ kind: 'blob', connectionString: CONNECTION_STRING, container: DEFAULT_BLOB_CONTAINER });
    expect(loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING, AZURE_STORAGE_CONTAINER: 'bot-state-2' }).storage)
      .to.have.property('container', 'bot-state-2');
  });

  const bad: Array<[string, NodeJS.ProcessEnv, string]> = [
    ['blob storage without a connection string', { STORAGE: 'blob' }, 'AZURE_STORAGE_CONNECTION_STRING: is required when STORAGE is blob'],
    ['an unknown storage', { STORAGE: 'redis' }, 'STORAGE'],
    ['a TTL of zero', { STATE_TTL_SECONDS: '0' }, 'STATE_TTL_SECONDS'],
    ['a TTL that is not a number', { STATE_TTL_SECONDS: 'an hour' }, 'STATE_TTL_SECONDS'],
    ['a negative maximum', { STATE_MAX_CONVERSATIONS: '-5' }, 'STATE_MAX_CONVERSATIONS'],
    ['a fractional maximum', { STATE_MAX_CONVERSATIONS: '2.5' }, 'STATE_MAX_CONVERSATIONS'],
    ['a container name Azure would refuse', { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING, AZURE_STORAGE_CONTAINER: 'Bot_State' }, 'AZURE_STORAGE_CONTAINER'],
  ];
  for (const [what, env, expected] of bad) {
    it(`rejects ${what}, naming ${expected.split(':')[0]}`, () => {
      expect(problemsOf(env)).to.include(expected);
    });
  }

  it('never repeats the connection string, which holds the account key, in the error', () => {
    expect(problemsOf({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: CONNECTION_STRING, AZURE_STORAGE_CONTAINER: 'x' })).to.not.include('c2VjcmV0');
  });
});

describe('createStorage', () => {
  it('makes a bounded memory storage with the configured limit', async () => {
    const storage = createStorage({ kind: 'memory', ttlSeconds: 60, maxConversations: 2 });
    expect(storage).to.be.instanceOf(BoundedMemoryStorage);
    await storage.write({ a: {}, b: {}, c: {} });
    expect(Object.keys(await storage.read(['a', 'b', 'c']))).to.deep.equal(['b', 'c']);
  });

  it('makes a blob storage for the blob kind', () => {
    expect(createStorage({ kind: 'blob', connectionString: CONNECTION_STRING, container: DEFAULT_BLOB_CONTAINER })).to.be.instanceOf(BlobStateStorage);
  });
});
