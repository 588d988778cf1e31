import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';

const require = createRequire(import.meta.url);
import type { ActivitySet, StoredActivity } from './conversation-store.js';

/** Streams open at once on one conversation; another replaces the oldest. A page holds one; a duplicated tab another. */
export const MAX_STREAMS_PER_CONVERSATION = 3;
/** Streams one address may hold open at once, as many as the conversations it may hold (MAX_CONVERSATIONS_PER_ADDRESS). */
export const MAX_STREAMS_PER_ADDRESS = 20;
/** Streams open at once in all: two for each conversation the store holds, well inside the process's file descriptors. */
export const MAX_STREAMS = 1000;
/**
 * How often each stream is pinged; one that has not answered the previous ping is dropped. Well under the minute
 * after which proxies commonly close an idle connection, and frequent enough to free a dead client's slot soon.
 */
export const STREAM_HEARTBEAT_MS = 30_000;
/** Largest message a client may send: Web Chat sends only empty keep-alives down its stream. */
const MAX_CLIENT_MESSAGE_BYTES = 1024;
/**
 * Bytes waiting to go out on one stream before it is dropped: a client that does not read would otherwise make the
 * server buffer every reply for it. The client reconnects with its watermark and misses nothing.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** WebSocket close code for a normal close: the conversation ended, or a newer stream took this one's place. */
const CLOSE_NORMAL = 1000;

export interface StreamLimits {
  readonly perConversation: number;
  readonly perAddress: number;
  readonly total: number;
}

/** What a stream receives: a set of activities and, for stored ones, the watermark after them (as Azure sends). */
export interface StreamMessage {
  readonly activities: readonly StoredActivity[];
  readonly watermark?: string;
}

export type Admission = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly error: string };

interface Stream {
  readonly ws: WebSocket;
  readonly conversationId: string;
  readonly address: string;
  alive: boolean;
}

/**
 * The WebSocket streams of the local Direct Line's conversations, as Azure's Direct Line serves them to Web Chat:
 * each message is one JSON activity set, `{activities, watermark}`. Bounded per conversation, per address and in
 * all; dead and unread streams are dropped, and the client reconnects with its watermark.
 */
export class ActivityStreams {
  private wsServer: WebSocketServer | undefined;

  /** The WebSocket server, loaded with the first stream: a bot whose page nobody opens never needs it (20 ms of start-up). */
  private server(): WebSocketServer {
    const { WebSocketServer: Server } = require('ws') as typeof import('ws');
    return (this.wsServer ??= new Server({ noServer: true, clientTracking: false, perMessageDeflate: false, maxPayload: MAX_CLIENT_MESSAGE_BYTES }));
  }
  private readonly streams = new Set<Stream>();
  private readonly limits: StreamLimits;
  private readonly heartbeatMs: number;
  private readonly isLive: (conversationId: string) => boolean;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(options: { readonly isLive: (conversationId: string) => boolean; readonly limits?: Partial<StreamLimits>; readonly heartbeatMs?: number }) {
    this.isLive = options.isLive;
    this.limits = { perConversation: MAX_STREAMS_PER_CONVERSATION, perAddress: MAX_STREAMS_PER_ADDRESS, total: MAX_STREAMS, ...options.limits };
    this.heartbeatMs = options.heartbeatMs ?? STREAM_HEARTBEAT_MS;
  }

  /** Streams open now. */
  get size(): number {
    return this.streams.size;
  }

  /** Whether another stream may open from this address. */
  admit(address: string): Admission {
    if (this.count((s) => s.address === address) >= this.limits.perAddress) {
      return { ok: false, status: 429, error: 'too many streams from this address' };
    }
    if (this.streams.size >= this.limits.total) return { ok: false, status: 503, error: 'too many streams open; try again soon' };
    return { ok: true };
  }

  /** Completes the WebSocket handshake, sends the activities the client has not seen, then every new one. */
  open(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, address: string, backlog: ActivitySet): void {
    this.server().handleUpgrade(req, socket, head, (ws) => {
      const same = [...this.streams].filter((s) => s.conversationId === conversationId);
      for (const old of same.slice(0, Math.max(0, same.length - this.limits.perConversation + 1))) this.drop(old, 'replaced by a newer stream');
      const stream: Stream = { ws, conversationId, address, alive: true };
      this.streams.add(stream);
      ws.on('pong', () => {
        stream.alive = true;
      });
      // Web Chat's keep-alives; nothing a client sends means anything else here.
      ws.on('message', () => {
        stream.alive = true;
      });
      ws.on('error', () => ws.terminate());
      ws.on('close', () => {
        this.streams.delete(stream);
        if (this.streams.size === 0) this.stopHeartbeat();
      });
      if (backlog.activities.length > 0) this.send(stream, JSON.stringify({ activities: backlog.activities, watermark: backlog.watermark }));
      this.startHeartbeat();
    });
  }

  /** Sends a message to every stream of the conversation. */
  publish(conversationId: string, message: StreamMessage): void {
    // Serialised once, however many tabs hold the conversation open.
    const data = JSON.stringify(message);
    for (const stream of this.streams) if (stream.conversationId === conversationId) this.send(stream, data);
  }

  /** Closes the conversation's streams: it has ended, and the client's reconnect will learn so (404). */
  end(conversationId: string): void {
    for (const stream of this.streams) if (stream.conversationId === conversationId) this.drop(stream, 'conversation ended');
  }

  /** Closes every stream at once, for a server that is stopping. */
  close(): void {
    for (const stream of this.streams) stream.ws.terminate();
    this.streams.clear();
    this.stopHeartbeat();
  }

  private send(stream: Stream, data: string): void {
    if (stream.ws.readyState !== stream.ws.OPEN) return;
    if (stream.ws.bufferedAmount > MAX_BUFFERED_BYTES) return void stream.ws.terminate();
    stream.ws.send(data);
  }

  private drop(stream: Stream, reason: string): void {
    this.streams.delete(stream);
    stream.ws.close(CLOSE_NORMAL, reason);
  }

  private count(predicate: (stream: Stream) => boolean): number {
    let n = 0;
    for (const stream of this.streams) if (predicate(stream)) n++;
    return n;
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    // Streams alone must not keep a stopping process alive.
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private beat(): void {
    for (const stream of this.streams) {
      if (!stream.alive) {
        this.streams.delete(stream);
        stream.ws.terminate();
      } else if (!this.isLive(stream.conversationId)) {
        this.drop(stream, 'conversation ended');
      } else {
        stream.alive = false;
        stream.ws.ping();
      }
    }
    if (this.streams.size === 0) this.stopHeartbeat();
  }
}
