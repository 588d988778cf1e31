import { ConversationState, type Activity, type CloudAdapter, type Storage } from 'botbuilder';
import { MainDialog } from '../dialogs/main-dialog.js';
import { createAdapter, type ErrorLog } from './adapter.js';
import { MslBot } from './bot.js';
import { CareerAdvisor } from './career-advisor.js';
import type { BotConfig } from './config.js';
import type { Knowledge } from './knowledge/knowledge.js';
import type { ConversationMemory } from './nlu/decision.js';
import { createStorage } from './storage/create-storage.js';
import type { WebChatDeps } from './web/register-web-chat.js';
import { welcomeReply } from './welcome-reply.js';

export interface App {
  readonly advisor: CareerAdvisor;
  readonly adapter: CloudAdapter;
  readonly bot: MslBot;
  /** The chat page's settings, and the in-process hand-off the local Direct Line gives the bot its activities by. */
  readonly webChat: WebChatDeps;
}

/**
 * Wires the bot: advisor, state, dialogs and adapter. State goes where the configuration says (bounded memory, or
 * a blob container shared by several instances); tests may hand in a storage of their own.
 */
export function createApp(config: BotConfig, knowledge: Knowledge, log?: ErrorLog, storage: Storage = createStorage(config.storage)): App {
  const advisor = new CareerAdvisor(knowledge);
  const conversationState = new ConversationState(storage);
  const dialog = new MainDialog(advisor, advisor, conversationState.createProperty<ConversationMemory>('ConversationMemory'));
  const bot = new MslBot({ conversationState, dialog, welcome: welcomeReply(knowledge.replies) });
  const adapter = createAdapter(config, conversationState, log);
  // No Authorization header: the local Direct Line is only on when authentication is off (see WebChatConfig).
  const deliver = (activity: Partial<Activity>): Promise<void> => adapter.processActivityDirect('', activity as Activity, (context) => bot.run(context));
  return { advisor, adapter, bot, webChat: { config: config.webChat, deliver, log } };
}
