import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { text } from 'node:stream/consumers';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { ContainerClient, StoragePipelineOptions } from '@azure/storage-blob';
import { StateConflictError, StorageUnavailableError } from './state-errors.js';
import type { HealthCheck } from '../http/readiness.js';

const require = createRequire(import.meta.url);

/** Azure's limit on a blob name's length. */
const MAX_BLOB_NAME_LENGTH = 1024;
/**
 * The longest one storage call (its retries included) may take. Blob reads and writes of a few hundred bytes take
 * tens of milliseconds within a region; three seconds is far past a healthy store, and short enough that a turn
 * fails promptly during an outage instead of holding its request (the SDK's defaults add up to minutes).
 */
const OPERATION_TIMEOUT_MS = 3_000;
/** A readiness probe's own budget: shorter than a load balancer's probe timeout (typically 5 s). */
const HEALTH_TIMEOUT_MS = 2_000;
/** How long a known health is reused, so a storm of probes does not become a storm of storage calls. */
const HEALTH_FRESH_MS = 5_000;
/**
 * The SDK retries transient failures (500, 503, dropped connections) quickly within OPERATION_TIMEOUT_MS: three tries,
 * 100 ms then 200 ms apart. Its per-try timeout only tells the service how long it may take, so the client-side
 * bound is the AbortSignal each call carries.
 */
const RETRY_OPTIONS: StoragePipelineOptions['retryOptions'] = { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 400 };

/**
 * The blob name for a storage key. Keys are percent-encoded (dots too: Azure mishandles names ending in one), so
 * distinct keys get distinct names. A key whose encoding would pass Azure's 1,024-character limit is named by its
 * SHA-256 instead, under "sha256/", which no encoded key can start with ("/" is always encoded): cutting it short
 * would give every conversation id sharing its first thousand characters the same state.
 */
export function blobName(key: string): string {
  const encoded = encodeURIComponent(key).replace(/\./g, '%2E');
  return encoded.length <= MAX_BLOB_NAME_LENGTH ? encoded : `sha256/${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * Conversation state in an Azure Blob container, shared by every instance of the bot. Unlike botbuilder's
 * BlobsStorage it bounds each call in time, keeps trying to create its container after a failed first attempt,
 * reports its health for /readyz, names long keys by hash rather than cutting them, and signals a write that lost
 * an eTag race with StateConflictError (any other failure is a StorageUnavailableError).
 */
export class BlobStateStorage implements Storage {
  private readonly container: ContainerClient;
  private containerReady: Promise<unknown> | undefined;
  private health: { ok: boolean; at: number } | undefined;
  private probe: Promise<boolean> | undefined;

  /** Throws the SDK's error for a connection string it cannot use; the configuration checks it first. */
  constructor(connectionString: string, containerName: string, private readonly now: () => number = () => performance.now()) {
    // Loaded only when blob storage is configured: the Azure SDK adds over 100 ms to every start-up otherwise.
    const { ContainerClient } = require('@azure/storage-blob') as typeof import('@azure/storage-blob');
    this.container = new ContainerClient(connectionString, containerName, { retryOptions: RETRY_OPTIONS });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await this.call(async (abortSignal) => {
      await Promise.all(keys.map(async (key) => {
        try {
          const blob = await this.container.getBlobClient(blobName(key)).download(0, undefined, { abortSignal });
          if (!blob.readableStreamBody) return;
          items[key] = { ...parseState(await text(blob.readableStreamBody)), eTag: blob.etag };
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
      }));
    });
    return items;
  }

  /**
   * Writes each item, only if its blob still has the eTag the item carries (as read); "*" or no eTag writes
   * unconditionally, as the Storage contract says.
   */
  async write(changes: StoreItems): Promise<void> {
    await this.call(async (abortSignal) => {
      await Promise.all(Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...data } = (item ?? {}) as StoreItem;
        const body = JSON.stringify(data);
        try {
          await this.container.getBlockBlobClient(blobName(key)).upload(body, Buffer.byteLength(body), {
            conditions: typeof eTag === 'string' && eTag !== '*' && eTag !== '' ? { ifMatch: eTag } : {},
            blobHTTPHeaders: { blobContentType: 'application/json' },
            abortSignal,
          });
        } catch (error) {
          // 412: the blob changed since it was read; 404: it was deleted since.
          if (statusOf(error) === 412 || (statusOf(error) === 404 && eTag)) throw new StateConflictError(key);
          throw error;
        }
      }));
    });
  }

  async delete(keys: string[]): Promise<void> {
    await this.call(async (abortSignal) => {
      await Promise.all(keys.map((key) => this.container.getBlobClient(blobName(key)).deleteIfExists({ abortSignal })));
    });
  }

  /** For /readyz: true when the store answered lately or answers a probe now, within HEALTH_TIMEOUT_MS. */
  readonly healthy: HealthCheck = async () => {
    if (this.health && this.now() - this.health.at < HEALTH_FRESH_MS) return this.health.ok;
    this.probe ??= this.container.getProperties({ abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) })
      .then(() => true, (error: unknown) => statusOf(error) === 404) // no container yet is fine
      .then((ok) => {
        this.health = { ok, at: this.now() };
        this.probe = undefined;
        return ok;
      });
    return this.probe;
  };

  /** Runs one storage operation within OPERATION_TIMEOUT_MS, creating the container first, and records the outcome. */
  private async call(operation: (abortSignal: AbortSignal) => Promise<void>): Promise<void> {
    const abortSignal = AbortSignal.timeout(OPERATION_TIMEOUT_MS);
    try {
      // Retried on the next call after a failure: an outage at start-up must not break the store for good.
      this.containerReady ??= this.container.createIfNotExists({ abortSignal }).catch((error: unknown) => {
        this.containerReady = undefined;
        throw error;
      });
      await this.containerReady;
      await operation(abortSignal);
      this.health = { ok: true, at: this.now() };
    } catch (error) {
      if (error instanceof StateConflictError) {
        this.health = { ok: true, at: this.now() };
        throw error;
      }
      this.health = { ok: false, at: this.now() };
      throw new StorageUnavailableError(abortSignal.aborted
        ? `the state store did not answer within ${OPERATION_TIMEOUT_MS} ms`
        : `the state store failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}

/** A stored state object; one that does not parse is read as empty, so the next turn overwrites it (if still unchanged). */
function parseState(json: string): StoreItem {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as StoreItem) : {};
  } catch {
    return {};
  }
}

/** The HTTP status of a failed storage call (the SDK's RestError), if it got that far. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
