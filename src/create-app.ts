import { ConversationState, MemoryStorage, type CloudAdapter } from 'botbuilder';
import { MainDialog } from '../dialogs/main-dialog.js';
import { createAdapter, type ErrorLog } from './adapter.js';
import { MslBot } from './bot.js';
import { CareerAdvisor } from './career-advisor.js';
import type { BotConfig } from './config.js';
import type { Knowledge } from './knowledge/knowledge.js';
import type { ConversationMemory } from './nlu/decision.js';
import { welcomeReply } from './welcome-reply.js';

export interface App {
  readonly advisor: CareerAdvisor;
  readonly adapter: CloudAdapter;
  readonly bot: MslBot;
}

/**
 * Wires the bot: advisor, state, dialogs and adapter. State lives in memory, so conversations are forgotten on
 * restart; a deployment with several instances would pass a shared Storage here instead.
 */
export function createApp(config: BotConfig, knowledge: Knowledge, log?: ErrorLog): App {
  const advisor = new CareerAdvisor(knowledge);
  const conversationState = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(advisor, advisor, conversationState.createProperty<ConversationMemory>('ConversationMemory'));
  const bot = new MslBot({ conversationState, dialog, welcome: welcomeReply(knowledge.replies) });
  const adapter = createAdapter(config, conversationState, log);
  return { advisor, adapter, bot };
}
