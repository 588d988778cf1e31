import type { Storage } from 'botbuilder';
import { ConfigError, type StorageConfig } from '../config.js';
import type { HealthCheck } from '../http/readiness.js';
import { BlobStateStorage } from './blob-state-storage.js';
import { BoundedMemoryStorage } from './bounded-memory-storage.js';

const MS_PER_SECOND = 1000;

/**
 * The conversation state store the configuration asks for: bounded memory for a single instance, or an Azure Blob
 * container (created on first use) that every instance of a scaled-out bot shares.
 */
export function createStorage(config: StorageConfig): Storage {
  switch (config.kind) {
    case 'memory':
      return new BoundedMemoryStorage({ ttlMs: config.ttlSeconds * MS_PER_SECOND, maxEntries: config.maxConversations });
    case 'blob': {
      try {
        return new BlobStateStorage(config.connectionString, config.container);
      } catch {
        // The SDK's message may quote the connection string, which holds the account key: name the setting only.
        throw new ConfigError(['AZURE_STORAGE_CONNECTION_STRING: the Azure Storage SDK cannot use it; copy it again from Access keys in the Azure portal']);
      }
    }
  }
}

/** How /readyz tells whether a store can serve: stores that can fail (blob) say; memory always can. */
export function storageHealthCheck(storage: Storage): HealthCheck | undefined {
  const healthy = (storage as Partial<{ healthy: HealthCheck }>).healthy;
  return typeof healthy === 'function' ? healthy : undefined;
}
