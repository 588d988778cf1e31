import type { ConversationState, Storage } from 'botbuilder';
import { MainDialog } from '../dialogs/main-dialog.js';
import { createAdapter, serviceUrlPolicy, turnErrorHandler, type ErrorLog, type TurnAdapter } from './adapter.js';
import { MslBot } from './bot.js';
import { CareerAdvisor } from './career-advisor.js';
import type { BotConfig } from './config.js';
import { say } from './answer/words.js';
import type { Pack } from './knowledge/knowledge.js';
import { primaryPack, type Knowledge } from './knowledge/load-knowledge.js';
import type { PageBrand } from './web/chat-page.js';
import { CONVERSATION_IDLE_TTL_MS, MAX_CONVERSATIONS } from './directline/conversation-store.js';
import { InProcessAdapter, typingWhileAnswering } from './directline/in-process-adapter.js';
import type { Deliver } from './directline/local-direct-line.js';
import { BoundedMemoryStorage } from './storage/bounded-memory-storage.js';
import { createStorage, storageHealthCheck } from './storage/create-storage.js';
import { OptimisticConversationState } from './storage/optimistic-conversation-state.js';
import type { ServiceUrlPolicy } from './outbound/service-url-policy.js';
import type { WebChatDeps } from './web/register-web-chat.js';
import { InFlight } from './http/in-flight.js';
import { Readiness } from './http/readiness.js';
import type { Logger } from './logger.js';
import { AnswerIndex } from './feedback/answer-index.js';
import { loggerFeedbackLog } from './feedback/feedback-log.js';
import { loggerTurnLog } from './turn-log.js';
import { clientKeyer } from './http/client-address.js';

export interface App {
  readonly advisor: CareerAdvisor;
  readonly adapter: TurnAdapter;
  readonly bot: MslBot;
  /** The chat page's settings, and the in-process hand-off the local Direct Line gives the bot its activities by. */
  readonly webChat: WebChatDeps;
  readonly rateLimit: BotConfig['rateLimit'];
  readonly readiness: Readiness;
  readonly inFlight: InFlight;
  /** Structured logs, when the app was given a logger rather than a bare error sink. */
  readonly logger?: Logger;
  /** Where /api/messages may ask for replies to go; only set without an app id (see ServerDeps). */
  readonly serviceUrls?: ServiceUrlPolicy;
}

/**
 * Wires the bot: advisor, state, dialogs and adapter. State goes where the configuration says (bounded memory, or
 * a blob container shared by several instances); tests may hand in a storage of their own.
 */
export function createApp(config: BotConfig, knowledge: Knowledge, log?: ErrorLog, storage: Storage = createStorage(config.storage)): App {
  const advisor = new CareerAdvisor(knowledge, { advisor: config.advisor });
  const logger = isLogger(log) ? log : undefined;
  const turnLog = logger ? loggerTurnLog(logger, config.logging) : undefined;
  const welcome = advisor.welcome();
  const feedbackLog = logger ? loggerFeedbackLog(logger, config.logging) : undefined;
  const answers = new AnswerIndex();
  const createBot = (conversationState: ConversationState): MslBot => new MslBot({
    conversationState,
    dialog: new MainDialog(advisor, conversationState.createProperty<unknown>('ConversationMemory'), turnLog, answers),
    welcome,
    answers,
    ...(feedbackLog ? { feedbackLog } : {}),
  });
  const conversationState = new OptimisticConversationState(storage);
  const bot = createBot(conversationState);
  // One policy for the check before a turn (server.ts) and the connector's own (connectorHttpClient).
  const serviceUrls = serviceUrlPolicy(config);
  const adapter = createAdapter(config, conversationState, log, serviceUrls);

  const deliver = config.webChat.localDirectLine ? localDelivery(createBot, log ?? console) : undefined;
  const readiness = new Readiness({
    careers: knowledge.packs.map((p) => p.id),
    units: knowledge.packs.reduce((n, p) => n + p.units.size, 0),
    salaryRecords: knowledge.packs.reduce((n, p) => n + (p.salary?.industries?.records.length ?? 0) + (p.salary?.states?.records.length ?? 0), 0),
  }, storageHealthCheck(storage));
  return {
    advisor, adapter, bot, webChat: { config: config.webChat, ...(deliver ? { deliver } : {}), log, welcomeStarters: welcome.suggestions.flatMap((s) => [s.label, s.ask]), brand: pageBrand(primaryPack(knowledge)), clientKey: clientKeyer(config.rateLimit.trustProxy) },
    rateLimit: config.rateLimit, readiness, inFlight: new InFlight(), ...(logger ? { logger } : {}), ...(serviceUrls ? { serviceUrls } : {}),
  };
}

/**
 * The local Direct Line runs its turns in process, with a state store of its own that lives as long as its
 * conversations: nothing sent to /api/messages, whatever conversation id it names, can read or write that memory.
 */
function localDelivery(createBot: (state: ConversationState) => MslBot, log: ErrorLog): Deliver {
  const localState = new OptimisticConversationState(new BoundedMemoryStorage({ ttlMs: CONVERSATION_IDLE_TTL_MS, maxEntries: MAX_CONVERSATIONS }));
  const localBot = createBot(localState);
  const localAdapter = new InProcessAdapter().use(typingWhileAnswering);
  localAdapter.onTurnError = turnErrorHandler(localState, log);
  return (activity, sink) => localAdapter.process(activity, sink, (context) => localBot.run(context));
}

/** The chat page's words for a pack: its guide's title, and the pack's page templates. */
function pageBrand(pack: Pack): PageBrand {
  return { title: pack.guide.title, tagline: say(pack, 'pageTagline'), placeholder: say(pack, 'pageInput'), footnote: say(pack, 'pageFootnote'), avatar: pack.career.short };
}

/** A pino logger, as opposed to a bare error sink such as console. */
function isLogger(log: ErrorLog | undefined): log is Logger {
  return typeof (log as Partial<Logger> | undefined)?.child === 'function';
}
