import { createRequire } from 'node:module';
import type { Storage } from 'botbuilder';
import { ConfigError, type StorageConfig } from '../config.js';
import { BoundedMemoryStorage } from './bounded-memory-storage.js';

const MS_PER_SECOND = 1000;
const require = createRequire(import.meta.url);

/**
 * The conversation state store the configuration asks for: bounded memory for a single instance, or an Azure Blob
 * container (created on first use) that every instance of a scaled-out bot shares.
 */
export function createStorage(config: StorageConfig): Storage {
  switch (config.kind) {
    case 'memory':
      return new BoundedMemoryStorage({ ttlMs: config.ttlSeconds * MS_PER_SECOND, maxEntries: config.maxConversations });
    case 'blob': {
      // Loaded only when asked for: the Azure SDK adds over 100 ms to every start-up otherwise.
      const { BlobsStorage } = require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
      try {
        return new BlobsStorage(config.connectionString, config.container);
      } catch {
        // The SDK's message may quote the connection string, which holds the account key: name the setting only.
        throw new ConfigError(['AZURE_STORAGE_CONNECTION_STRING: the Azure Storage SDK cannot use it; copy it again from Access keys in the Azure portal']);
      }
    }
  }
}
