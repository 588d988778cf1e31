import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Activity, ResourceResponse } from 'botbuilder';
import type restify from 'restify';
import type { ErrorLog } from '../adapter.js';
import { refuseUpgrade, type UpgradeHandler } from '../http/upgrades.js';
import { describeProblems } from '../incoming-activity.js';
import { ActivityStreams, type StreamLimits } from './activity-streams.js';
import { clientKeyer } from '../http/client-address.js';
import { ActivityTooLargeError, ConversationStore, type Conversation } from './conversation-store.js';
import { ClientActivity, TokenRequest, Watermark } from './direct-line-schemas.js';
import type { ReplySink } from './in-process-adapter.js';
import { TokenIssuer, type TokenCheck, type TokenClaims } from './token-issuer.js';

/** Where the page's Direct Line client is pointed: `${origin}${DIRECT_LINE_PATH}`. */
export const DIRECT_LINE_PATH = '/v3/directline';
/** The bot as the conversation's members see it. */
export const BOT_ACCOUNT = { id: 'msl-career-bot', name: 'MSL Career Guide', role: 'bot' } as const;
/** The channel the bot is told the activities come from: Web Chat, which renders Markdown, cards and suggested actions. */
export const WEB_CHAT_CHANNEL = 'webchat';
/** A conversation's stream: `${DIRECT_LINE_PATH}/conversations/{id}/stream?watermark=…&t={stream token}`. */
const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([^/]+)/stream$`);
/** A Host header fit to build the stream URL from: a name or address and a port, nothing else. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Runs one turn for an activity in this process; the turn's replies go to `sink`. Resolves when the turn is over.
 * Nothing goes over HTTP, so the bot's app id and its Azure tokens play no part.
 */
export type Deliver = (activity: Partial<Activity>, sink: ReplySink) => Promise<void>;
/** Checks a browser request's origin; false means it already answered (403). */
export type RequestGuard = (req: restify.Request, res: restify.Response) => boolean;

export interface LocalDirectLineDeps {
  readonly deliver: Deliver;
  readonly store?: ConversationStore;
  readonly tokens?: TokenIssuer;
  readonly streamLimits?: Partial<StreamLimits>;
  readonly guard?: RequestGuard;
  /** Whether a WebSocket request's origin (if it has one) may use the chat; every origin may without it. */
  readonly originAllowed?: (req: IncomingMessage) => boolean;
  /** The bot's public base URL: stream URLs point there (wss:// for https://) instead of at the request's Host. */
  readonly publicUrl?: string;
  /** The client address conversations and streams are counted under; the TCP peer's without it. */
  readonly addressOf?: (req: IncomingMessage) => string;
  readonly log?: ErrorLog;
}

/** What token and conversation calls answer, as Azure's Direct Line does. */
export interface ConversationGrant {
  readonly conversationId: string;
  readonly token: string;
  readonly expires_in: number;
  /** Where the conversation's WebSocket stream opens; only conversation calls give one. */
  readonly streamUrl?: string;
}

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;
interface Access {
  readonly claims: TokenClaims;
  readonly token: string;
  /** Undefined only where the request may start the conversation. */
  readonly conversation: Conversation | undefined;
}

/**
 * A small Direct Line 3.0 service inside the bot's process, so Web Chat works with no Azure resource: tokens,
 * conversations, posting, polling with watermarks and the WebSocket stream (streamUrl) Web Chat uses with Azure.
 * The bot's replies come back in process (see InProcessAdapter); there are no connector routes to post to.
 *
 * What clients can rely on (the page uses it to resume after a reload and recover after a restart):
 * - A token is good for one conversation, for 30 minutes; `POST /tokens/refresh` renews it while the conversation lives.
 * - A conversation exists once `POST /conversations` starts it (201; 200 when started already), until it has been idle
 *   for 30 minutes or is evicted. Asking for a token creates nothing.
 * - 401: no token. 403: the token is forged, expired, for another conversation, or from before a restart (tokens are
 *   signed with a key made when the process starts). 404: the conversation is unknown: expired, evicted, or held by
 *   the process before a restart. After a 403 or 404 the page should start a fresh conversation.
 * - Resuming: `GET /conversations/{id}?watermark=N` answers the token and a new streamUrl from watermark N; the stream
 *   first sends the activities after N, then each new one, as `{activities, watermark}` sets (typing activities come
 *   without a watermark and are not kept). `GET /conversations/{id}/activities?watermark=N` polls the same activities.
 */
export class LocalDirectLine {
  readonly store: ConversationStore;
  readonly tokens: TokenIssuer;
  readonly streams: ActivityStreams;
  private readonly deps: LocalDirectLineDeps;
  private readonly log: ErrorLog;
  private readonly addressOf: (req: IncomingMessage) => string;

  constructor(deps: LocalDirectLineDeps) {
    this.deps = deps;
    this.store = deps.store ?? new ConversationStore();
    this.tokens = deps.tokens ?? new TokenIssuer();
    this.log = deps.log ?? console;
    this.addressOf = deps.addressOf ?? clientKeyer({ kind: 'none' });
    this.streams = new ActivityStreams({ isLive: (id) => this.store.get(id) !== undefined, limits: deps.streamLimits });
    this.store.onForget((id) => this.streams.end(id));
  }

  /**
   * A token for a new conversation, which starts (and takes room in the store) only when the client opens it. Web
   * Chat reserves "dl_" user ids for tokens that embed them (Azure's JWTs), which these are not, so local users get
   * another prefix.
   */
  generateToken(userId: string = `user-${randomUUID()}`): ConversationGrant & { readonly userId: string } {
    const conversationId = randomUUID();
    return { ...this.grant(conversationId, this.tokens.issue(conversationId, userId)), userId };
  }

  register(server: restify.Server): void {
    const guarded = (handler: Handler): Handler => async (req, res) => {
      if (this.deps.guard && !this.deps.guard(req, res)) return;
      await handler(req, res);
    };

    server.post(`${DIRECT_LINE_PATH}/tokens/generate`, guarded(async (req, res) => {
      const body = TokenRequest.safeParse(req.body);
      if (!body.success) return void res.send(400, { error: describeProblems(body.error) });
      const { userId: _userId, ...grant } = this.generateToken(body.data?.user?.id);
      res.send(200, grant);
    }));

    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, guarded(async (req, res) => {
      const access = this.authorize(req, res);
      if (!access?.conversation) return;
      // Not a sign of life: Web Chat refreshes on a timer, and an idle page must not keep its conversation for ever.
      res.send(200, this.grant(access.conversation.id, this.tokens.issue(access.conversation.id, access.claims.userId)));
    }));

    server.post(`${DIRECT_LINE_PATH}/conversations`, guarded(async (req, res) => {
      const access = this.authorize(req, res, { mayStart: true });
      if (!access) return;
      const { claims, token } = access;
      let conversation = access.conversation;
      const isNew = conversation === undefined;
      if (conversation) {
        this.store.touch(conversation);
      } else {
        conversation = this.store.create(claims.conversationId, claims.userId, this.addressOf(req));
        // The bot welcomes whoever joins; without this the chat would open silent.
        await this.deliverQuietly(conversation, { type: 'conversationUpdate', membersAdded: [{ id: claims.userId }] });
      }
      res.send(isNew ? 201 : 200, { ...this.grant(conversation.id, token, claims), streamUrl: this.streamUrl(req, conversation, undefined) });
    }));

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, guarded(async (req, res) => {
      const access = this.authorize(req, res, { conversationId: req.params.conversationId as string });
      if (!access?.conversation) return;
      const watermark = this.watermark(req, res);
      if (!watermark.ok) return;
      res.send(200, { ...this.grant(access.conversation.id, access.token, access.claims), streamUrl: this.streamUrl(req, access.conversation, watermark.value) });
    }));

    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, guarded(async (req, res) => {
      const access = this.authorize(req, res, { conversationId: req.params.conversationId as string });
      if (!access?.conversation) return;
      const posted = ClientActivity.safeParse(req.body);
      if (!posted.success) return void res.send(400, { error: describeProblems(posted.error) });
      const { conversation, claims } = access;
      const activity = this.fromUser(posted.data, claims.userId);
      let id = `${conversation.id}|typing`;
      if (activity.type !== 'typing') {
        try {
          // The user's own message is echoed back to the page, which matches it to what it sent by clientActivityID.
          const stored = this.store.append(conversation, activity);
          this.store.engage(conversation);
          this.streams.publish(conversation.id, { activities: [stored], watermark: this.store.watermark(conversation) });
          id = stored.id;
        } catch (error) {
          if (error instanceof ActivityTooLargeError) return void res.send(413, { error: error.message });
          throw error;
        }
      }
      try {
        await this.deps.deliver(this.toBot(conversation, { ...activity, id }), this.replies(conversation.id));
      } catch (error) {
        this.log.error({ err: error }, 'the bot did not take an activity from the local Direct Line');
        return void res.send(502, { error: 'the bot could not be reached' });
      }
      res.send(200, { id });
    }));

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, guarded(async (req, res) => {
      const access = this.authorize(req, res, { conversationId: req.params.conversationId as string });
      if (!access?.conversation) return;
      const watermark = this.watermark(req, res);
      if (!watermark.ok) return;
      // Polls do not count as activity: a page left open must not keep its conversation alive for ever.
      res.send(200, this.store.activitiesAfter(access.conversation, watermark.value));
    }));
  }

  /**
   * Opens a conversation's WebSocket stream for a valid stream token, from an allowed origin, within the limits;
   * refuses any other request on a stream path with a plain HTTP error and a closed socket. Other paths are not its.
   */
  readonly upgrade: UpgradeHandler = (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = STREAM_PATH.exec(url.pathname);
    if (!path) return false;
    const refuse = (status: number, error: string): true => {
      refuseUpgrade(socket, status, error);
      return true;
    };
    if (this.deps.originAllowed && !this.deps.originAllowed(req)) return refuse(403, 'this origin may not use the chat; add it to ALLOWED_ORIGINS');
    const token = url.searchParams.get('t');
    if (!token) return refuse(401, 'a t=<stream token> query parameter is required');
    const checked = this.tokens.check(token, 'stream');
    if (!checked.ok) return refuse(403, tokenProblem(checked));
    if (path[1] !== checked.claims.conversationId) return refuse(403, 'the token is for another conversation');
    const conversation = this.store.get(checked.claims.conversationId);
    if (!conversation) return refuse(404, 'conversation not found (it may have expired)');
    const watermark = Watermark.safeParse(url.searchParams.get('watermark') || undefined);
    if (!watermark.success) return refuse(400, describeProblems(watermark.error));
    const address = this.addressOf(req);
    const admission = this.streams.admit(address);
    if (!admission.ok) return refuse(admission.status, admission.error);
    this.streams.open(req, socket, head, conversation.id, address, this.store.activitiesAfter(conversation, watermark.data));
    return true;
  };

  /** Closes every stream, for a server that is stopping. */
  close(): void {
    this.streams.close();
  }

  /**
   * The request's bearer token and its conversation, or undefined once the error has been sent. The conversation is
   * looked up and must exist, except where `mayStart` (starting it) allows it not to yet.
   */
  private authorize(req: restify.Request, res: restify.Response, options: { conversationId?: string; mayStart?: boolean } = {}): Access | undefined {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) {
      res.send(401, { error: 'an Authorization: Bearer <token> header is required' });
      return undefined;
    }
    const checked = this.tokens.check(token);
    if (!checked.ok) {
      res.send(403, { error: tokenProblem(checked) });
      return undefined;
    }
    if (options.conversationId !== undefined && options.conversationId !== checked.claims.conversationId) {
      res.send(403, { error: 'the token is for another conversation' });
      return undefined;
    }
    const conversation = this.store.get(checked.claims.conversationId);
    if (!conversation && !options.mayStart) {
      res.send(404, { error: 'conversation not found (it may have expired)' });
      return undefined;
    }
    return { conversation, claims: checked.claims, token };
  }

  private watermark(req: restify.Request, res: restify.Response): { ok: true; value: number | undefined } | { ok: false } {
    const watermark = Watermark.safeParse(new URL(req.url ?? '', 'http://localhost').searchParams.get('watermark') || undefined);
    if (watermark.success) return { ok: true, value: watermark.data };
    res.send(400, { error: describeProblems(watermark.error) });
    return { ok: false };
  }

  /** A token's answer; without claims the token was just issued and has its whole life ahead. */
  private grant(conversationId: string, token: string, claims?: TokenClaims): ConversationGrant {
    const expiresIn = claims ? this.tokens.secondsLeft(claims) : Math.round(this.tokens.ttlMs / 1000);
    return { conversationId, token, expires_in: expiresIn };
  }

  /**
   * Where the conversation's stream opens, from a watermark on, with a short-lived token of its own in the query
   * (browsers cannot set headers on a WebSocket): PUBLIC_URL's host when set, else the host the request came to.
   */
  private streamUrl(req: restify.Request, conversation: Conversation, watermark: number | undefined): string {
    const host = req.headers.host && PLAIN_HOST.test(req.headers.host) ? req.headers.host : `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? ''}`;
    const base = this.deps.publicUrl ? this.deps.publicUrl.replace(/^http/, 'ws') : `${(req.socket as TLSSocket).encrypted ? 'wss' : 'ws'}://${host}`;
    const query = new URLSearchParams({ ...(watermark !== undefined ? { watermark: String(watermark) } : {}), t: this.tokens.issue(conversation.id, conversation.userId, 'stream') });
    return `${base}${DIRECT_LINE_PATH}/conversations/${conversation.id}/stream?${query}`;
  }

  /** Where a turn's replies go: the conversation's store and streams. Typing activities go to the streams only. */
  private replies(conversationId: string): ReplySink {
    return (activity: Partial<Activity>): ResourceResponse => {
      const conversation = this.store.get(conversationId);
      if (!conversation) throw new Error('the local Direct Line conversation ended before the bot replied');
      const reply = { ...activity, conversation: { id: conversation.id }, from: { ...BOT_ACCOUNT, ...activity.from, role: 'bot' } } as Record<string, unknown>;
      if (activity.type === 'typing') {
        // Only of interest while it is happening: streamed, never stored, so a reload does not replay it.
        const id = `${conversation.id}|typing-${randomUUID()}`;
        this.streams.publish(conversation.id, { activities: [{ ...reply, id, timestamp: new Date().toISOString() }] });
        return { id };
      }
      const stored = this.store.append(conversation, reply);
      this.streams.publish(conversation.id, { activities: [stored], watermark: this.store.watermark(conversation) });
      return { id: stored.id };
    };
  }

  /** The parts of the client's activity worth passing on, sent as the token's user whatever the client claimed. */
  private fromUser(posted: ClientActivity, userId: string): Record<string, unknown> {
    const { type, text, textFormat, value, name, locale, localTimestamp, localTimezone, channelData, entities } = posted;
    const activity: Record<string, unknown> = { type, text, textFormat, value, name, locale, localTimestamp, localTimezone, channelData, entities };
    for (const key of Object.keys(activity)) if (activity[key] === undefined) delete activity[key];
    return { ...activity, from: { id: userId, ...(posted.from?.name ? { name: posted.from.name } : {}), role: 'user' } };
  }

  /** Addresses an activity from the user to the bot in this conversation. */
  private toBot(conversation: Conversation, activity: Record<string, unknown>): Partial<Activity> {
    return {
      from: { id: conversation.userId, role: 'user' },
      ...activity,
      channelId: WEB_CHAT_CHANNEL,
      conversation: { id: conversation.id } as Activity['conversation'],
      recipient: { ...BOT_ACCOUNT },
      timestamp: new Date(),
    } as Partial<Activity>;
  }

  private async deliverQuietly(conversation: Conversation, activity: Record<string, unknown>): Promise<void> {
    try {
      await this.deps.deliver(this.toBot(conversation, activity), this.replies(conversation.id));
    } catch (error) {
      // The conversation still opens; only the welcome is missing, and the next message will show the real failure.
      this.log.error({ err: error }, 'the bot did not take a conversation start from the local Direct Line');
    }
  }
}

/** Why a token was refused, in the words a client sees. */
function tokenProblem(checked: Extract<TokenCheck, { ok: false }>): string {
  return `the token is ${checked.reason === 'expired' ? 'expired' : 'not valid'}`;
}
