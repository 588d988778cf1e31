import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationState } from 'botbuilder';
import type { BotConfig } from './config.js';

/** What the user sees when a turn fails: no detail, which belongs in the log. */
export const APOLOGY = 'Sorry, something went wrong on my side. Please try asking again.';

export interface ErrorLog {
  error(...args: unknown[]): void;
}

/**
 * The Bot Framework adapter, authenticating with the configured app registration (none when the app id is empty).
 * A failed turn is logged, apologised for, and its conversation state dropped so one bad state cannot break every later turn.
 */
export function createAdapter(config: BotConfig, conversationState?: ConversationState, log: ErrorLog = console): CloudAdapter {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ ...config.auth }));
  adapter.onTurnError = async (context, error) => {
    log.error('[onTurnError]', error);
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      log.error('[onTurnError] could not send the apology', sendError);
    }
    try {
      await conversationState?.delete(context);
    } catch (stateError) {
      log.error('[onTurnError] could not clear the conversation state', stateError);
    }
  };
  return adapter;
}
