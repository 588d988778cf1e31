import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type restify from 'restify';
import type { ErrorLog } from '../adapter.js';
import { describeProblems } from '../incoming-activity.js';
import { ConversationStore, type Conversation } from './conversation-store.js';
import { BotActivity, ClientActivity, TokenRequest, Watermark } from './direct-line-schemas.js';
import { TokenIssuer, type TokenClaims } from './token-issuer.js';

/** Where the page's Direct Line client is pointed: `${origin}${DIRECT_LINE_PATH}`. */
export const DIRECT_LINE_PATH = '/v3/directline';
/** The bot as the conversation's members see it. */
export const BOT_ACCOUNT = { id: 'msl-career-bot', name: 'MSL Career Guide', role: 'bot' } as const;
/** The channel the bot is told the activities come from: Web Chat, which renders Markdown, cards and suggested actions. */
export const WEB_CHAT_CHANNEL = 'webchat';

/** Hands one activity to the bot and resolves when its turn is over. */
export type Deliver = (activity: Partial<Activity>) => Promise<void>;
/** Checks a browser request's origin; false means it already answered (403). */
export type RequestGuard = (req: restify.Request, res: restify.Response) => boolean;

export interface LocalDirectLineDeps {
  readonly deliver: Deliver;
  /** The base URL the bot posts its replies to: this server, as the bot's process can reach it. */
  readonly serviceUrl: () => string;
  readonly store?: ConversationStore;
  readonly tokens?: TokenIssuer;
  readonly guard?: RequestGuard;
  readonly log?: ErrorLog;
}

/** What token and conversation calls answer, as Azure's Direct Line does. */
export interface ConversationGrant {
  readonly conversationId: string;
  readonly token: string;
  readonly expires_in: number;
}

type Handler = (req: restify.Request, res: restify.Response) => Promise<void>;

/**
 * A small Direct Line 3.0 service inside the bot's process, so Web Chat works with no Azure resource: tokens,
 * conversations, posting and polling for activities, and the connector routes the bot's replies come back on.
 * Each token is good for one conversation only; conversations expire and the store is bounded (ConversationStore).
 */
export class LocalDirectLine {
  readonly store: ConversationStore;
  readonly tokens: TokenIssuer;
  private readonly deps: LocalDirectLineDeps;
  private readonly log: ErrorLog;

  constructor(deps: LocalDirectLineDeps) {
    this.deps = deps;
    this.store = deps.store ?? new ConversationStore();
    this.tokens = deps.tokens ?? new TokenIssuer();
    this.log = deps.log ?? console;
  }

  /**
   * A new conversation and a token for it; the conversation starts when the client opens it. Web Chat reserves "dl_"
   * user ids for tokens that embed them (Azure's JWTs), which these are not, so local users get another prefix.
   */
  generateToken(userId: string = `user-${randomUUID()}`): ConversationGrant & { readonly userId: string } {
    const conversation = this.store.create(userId);
    return { ...this.grant(conversation.id, this.tokens.issue(conversation.id, userId)), userId };
  }

  register(server: restify.Server): void {
    const guarded = (handler: Handler): Handler => async (req, res) => {
      if (this.deps.guard && !this.deps.guard(req, res)) return;
      await handler(req, res);
    };

    server.post(`${DIRECT_LINE_PATH}/tokens/generate`, guarded(async (req, res) => {
      const body = TokenRequest.safeParse(req.body);
      if (!body.success) return void res.send(400, { error: describeProblems(body.error) });
      res.send(200, this.generateToken(body.data?.user?.id));
    }));

    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, guarded(async (req, res) => {
      const access = this.authorize(req, res);
      if (!access) return;
      // Not a sign of life: Web Chat refreshes on a timer, and an idle page must not keep its conversation for ever.
      res.send(200, this.grant(access.conversation.id, this.tokens.issue(access.conversation.id, access.claims.userId)));
    }));

    server.post(`${DIRECT_LINE_PATH}/conversations`, guarded(async (req, res) => {
      const access = this.authorize(req, res);
      if (!access) return;
      const { conversation, claims, token } = access;
      this.store.touch(conversation);
      const isNew = !conversation.started;
      if (isNew) {
        conversation.started = true;
        // The bot welcomes whoever joins; without this the chat would open silent.
        await this.deliverQuietly(this.toBot(conversation, { type: 'conversationUpdate', membersAdded: [{ id: claims.userId }] }));
      }
      res.send(isNew ? 201 : 200, this.grant(conversation.id, token, claims));
    }));

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, guarded(async (req, res) => {
      const access = this.authorize(req, res, req.params.conversationId as string);
      if (!access) return;
      res.send(200, this.grant(access.conversation.id, access.token, access.claims));
    }));

    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, guarded(async (req, res) => {
      const access = this.authorize(req, res, req.params.conversationId as string);
      if (!access) return;
      const posted = ClientActivity.safeParse(req.body);
      if (!posted.success) return void res.send(400, { error: describeProblems(posted.error) });
      const { conversation, claims } = access;
      this.store.touch(conversation);
      const activity = this.fromUser(posted.data, claims.userId);
      // The user's own message is echoed back to the page, which matches it to what it sent by clientActivityID.
      const stored = activity.type === 'typing' ? { id: `${conversation.id}|typing` } : this.store.append(conversation, activity);
      try {
        await this.deps.deliver(this.toBot(conversation, { ...activity, id: stored.id }));
      } catch (error) {
        this.log.error({ err: error }, 'the bot did not take an activity from the local Direct Line');
        return void res.send(502, { error: 'the bot could not be reached' });
      }
      res.send(200, { id: stored.id });
    }));

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, guarded(async (req, res) => {
      const access = this.authorize(req, res, req.params.conversationId as string);
      if (!access) return;
      const watermark = Watermark.safeParse(new URL(req.url ?? '', 'http://localhost').searchParams.get('watermark') || undefined);
      if (!watermark.success) return void res.send(400, { error: describeProblems(watermark.error) });
      // Polls do not count as activity: a page left open must not keep its conversation alive for ever.
      res.send(200, this.store.activitiesAfter(access.conversation, watermark.data));
    }));

    // The connector routes CloudAdapter posts the bot's replies to (serviceUrl + /v3/conversations/...).
    const fromBot: Handler = async (req, res) => {
      // Only the bot's process posts here, and it is no browser; a page must not speak in the bot's name.
      if (req.headers.origin !== undefined) return void res.send(403, { error: 'browsers may not post as the bot' });
      const conversation = this.store.get(req.params.conversationId as string);
      if (!conversation) return void res.send(404, { error: 'conversation not found (it may have expired)' });
      const posted = BotActivity.safeParse(req.body);
      if (!posted.success) return void res.send(400, { error: describeProblems(posted.error) });
      const replyToId = req.params.activityId as string | undefined;
      const stored = this.store.append(conversation, {
        ...posted.data,
        ...(replyToId ? { replyToId } : {}),
        conversation: { id: conversation.id },
        from: { ...BOT_ACCOUNT, ...posted.data.from, role: 'bot' },
      });
      res.send(200, { id: stored.id });
    };
    server.post('/v3/conversations/:conversationId/activities', fromBot);
    server.post('/v3/conversations/:conversationId/activities/:activityId', fromBot);
  }

  /** The conversation a request's bearer token opens, or undefined once the error has been sent. */
  private authorize(req: restify.Request, res: restify.Response, conversationId?: string):
    { conversation: Conversation; claims: TokenClaims; token: string } | undefined {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) {
      res.send(401, { error: 'an Authorization: Bearer <token> header is required' });
      return undefined;
    }
    const checked = this.tokens.check(token);
    if (!checked.ok) {
      res.send(403, { error: `the token is ${checked.reason === 'expired' ? 'expired' : 'not valid'}` });
      return undefined;
    }
    if (conversationId !== undefined && conversationId !== checked.claims.conversationId) {
      res.send(403, { error: 'the token is for another conversation' });
      return undefined;
    }
    const conversation = this.store.get(checked.claims.conversationId);
    if (!conversation) {
      res.send(404, { error: 'conversation not found (it may have expired)' });
      return undefined;
    }
    return { conversation, claims: checked.claims, token };
  }

  /** A token's answer; without claims the token was just issued and has its whole life ahead. */
  private grant(conversationId: string, token: string, claims?: TokenClaims): ConversationGrant {
    const expiresIn = claims ? this.tokens.secondsLeft(claims) : Math.round(this.tokens.ttlMs / 1000);
    return { conversationId, token, expires_in: expiresIn };
  }

  /** The parts of the client's activity worth passing on, sent as the token's user whatever the client claimed. */
  private fromUser(posted: ClientActivity, userId: string): Record<string, unknown> {
    const { type, text, textFormat, value, name, locale, localTimestamp, localTimezone, channelData, entities } = posted;
    const activity: Record<string, unknown> = { type, text, textFormat, value, name, locale, localTimestamp, localTimezone, channelData, entities };
    for (const key of Object.keys(activity)) if (activity[key] === undefined) delete activity[key];
    return { ...activity, from: { id: userId, ...(posted.from?.name ? { name: posted.from.name } : {}), role: 'user' } };
  }

  /** Addresses an activity from the user to the bot, with this endpoint as the place to reply. */
  private toBot(conversation: Conversation, activity: Record<string, unknown>): Partial<Activity> {
    return {
      from: { id: conversation.userId, role: 'user' },
      ...activity,
      channelId: WEB_CHAT_CHANNEL,
      serviceUrl: this.deps.serviceUrl(),
      conversation: { id: conversation.id } as Activity['conversation'],
      recipient: { ...BOT_ACCOUNT },
      timestamp: new Date(),
    } as Partial<Activity>;
  }

  private async deliverQuietly(activity: Partial<Activity>): Promise<void> {
    try {
      await this.deps.deliver(activity);
    } catch (error) {
      // The conversation still opens; only the welcome is missing, and the next message will show the real failure.
      this.log.error({ err: error }, 'the bot did not take a conversation start from the local Direct Line');
    }
  }
}
