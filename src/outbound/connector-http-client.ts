import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ConnectorClientOptions } from 'botframework-connector';
import type { Destination, ResolvedAddress, ServiceUrlPolicy } from './service-url-policy.js';

type HttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResourceLike = Parameters<HttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;

/** A connector answers a posted activity with `{"id": …}`; anything near this size is not a connector. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface ConnectorHttpClientOptions {
  /** The whole call, connecting to the last byte of the answer. */
  readonly timeoutMs: number;
  /** Where replies may go; every destination when left out (an app id is set and the channel vouches for it). */
  readonly policy?: ServiceUrlPolicy;
}

/** Thrown for a call the bot refused to make or finish. A plain Error, so the SDK's retry policy does not retry it. */
export class ConnectorCallError extends Error {
  override readonly name = 'ConnectorCallError';
}

/**
 * The HTTP client the Bot Framework connector sends replies with, in place of the SDK's default. The SDK would
 * follow redirects (20 hops), retry timeouts and refused connections, and wait as long as the target likes. This
 * one makes one attempt, follows no redirect, gives up after `timeoutMs`, reads at most 1 MB of answer, and, given
 * a policy, connects only where the policy allows, to the very address it checked.
 *
 * Handed to CloudAdapter through ConfigurationBotFrameworkAuthentication's ConnectorClientOptions, the SDK's own
 * hook for it; everything above the wire (credentials, serialisation) stays the SDK's.
 */
export function connectorHttpClient({ timeoutMs, policy }: ConnectorHttpClientOptions): HttpClient {
  return {
    async sendRequest(request: WebResourceLike): Promise<CompatResponse> {
      const url = new URL(request.url);
      const destination = policy ? await policy.destination(url) : { kind: 'allowed' as const };
      if (!destination) throw new ConnectorCallError(`the bot does not send to ${url.origin} (not loopback, not in ALLOWED_SERVICE_URLS)`);
      const signal = withCallersSignal(AbortSignal.timeout(timeoutMs), request.abortSignal);
      const { status, headers, body } = await send(url, request, destination, signal, timeoutMs);
      if (status >= 300 && status < 400) throw new ConnectorCallError(`the connector at ${url.origin} answered ${status}, a redirect, which the bot does not follow`);
      const responseHeaders = request.headers.clone();
      for (const name of responseHeaders.headerNames()) responseHeaders.remove(name);
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
      return { request, status, headers: responseHeaders, bodyAsText: body };
    },
  };
}

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

function send(url: URL, request: WebResourceLike, destination: Destination, signal: AbortSignal, timeoutMs: number): Promise<RawResponse> {
  const headers = request.headers.rawHeaders();
  // Answers come uncompressed: nothing here would inflate them, and a compressed answer could inflate without bound.
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'accept-encoding') delete headers[name];
  const body = request.body === undefined || request.body === null ? undefined : typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : undefined;
  if (request.body != null && body === undefined) return Promise.reject(new ConnectorCallError('the connector client sends only string bodies'));
  const lookup: LookupFunction | undefined = destination.kind === 'loopback' ? pinnedLookup(destination.addresses) : undefined;
  const transport = url.protocol === 'https:' ? https : http;

  return new Promise<RawResponse>((resolve, reject) => {
    const fail = (error: unknown): void => {
      const timedOut = signal.aborted && (signal.reason as Error | undefined)?.name === 'TimeoutError';
      reject(new ConnectorCallError(timedOut
        ? `the connector at ${url.origin} did not answer within ${timeoutMs} ms`
        : `the call to the connector at ${url.origin} failed: ${error instanceof Error ? error.message : String(error)}`));
    };
    const req = transport.request(url, { method: request.method, headers, signal, ...(lookup ? { lookup } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          res.destroy();
          fail(new Error(`answer over ${MAX_RESPONSE_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** A lookup that answers with the addresses the policy checked, whatever DNS would say now. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const [first] = addresses;
    if (options?.all) callback(null, addresses.map(({ address, family }) => ({ address, family })));
    else callback(null, first!.address, first!.family);
  }) as LookupFunction;
}

/** The timeout, and the SDK's own abort signal when it passes one (an AbortSignal-like, not always a real one). */
function withCallersSignal(timeout: AbortSignal, callers: WebResourceLike['abortSignal']): AbortSignal {
  if (!callers) return timeout;
  if (callers instanceof AbortSignal) return AbortSignal.any([timeout, callers]);
  const controller = new AbortController();
  const abort = (): void => controller.abort(callers.aborted ? new Error('aborted by the caller') : timeout.reason);
  if (callers.aborted) abort();
  callers.addEventListener('abort', abort);
  timeout.addEventListener('abort', () => controller.abort(timeout.reason));
  return controller.signal;
}
