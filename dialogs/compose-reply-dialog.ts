import { Dialog, type DialogContext, type DialogTurnResult } from './dialogs-sdk.js';
import type { Reply } from '../src/answer/reply.js';
import type { ConversationMemory, Decision } from '../src/nlu/decision.js';
import { renderReply } from './render-reply.js';

/** Writes the reply to a decision; CareerAdvisor is one. Injected so dialogs never depend on how answers are made. */
export interface Composer {
  compose(decision: Decision, memory: ConversationMemory): Reply;
}

/** What MainDialog hands a child dialog: this turn's decision and the memory it was made with. */
export interface DecisionOptions {
  readonly decision: Decision;
  readonly memory: ConversationMemory;
}

/**
 * A one-turn dialog: composes the reply to the decision it is given, sends it, and ends with the reply.
 * It never waits for the next message, so every message is understood afresh by MainDialog.
 */
export abstract class ComposeReplyDialog extends Dialog<DecisionOptions> {
  constructor(dialogId: string, private readonly composer: Composer) {
    super(dialogId);
  }

  /** Whether this dialog is meant to answer the decision; routing to the wrong one is a bug, not a user error. */
  protected abstract accepts(decision: Decision): boolean;

  override async beginDialog(dc: DialogContext, options?: DecisionOptions): Promise<DialogTurnResult<Reply>> {
    if (!options || !this.accepts(options.decision)) {
      throw new Error(`${this.id} cannot answer a "${options?.decision.kind ?? 'missing'}" decision`);
    }
    const reply = this.composer.compose(options.decision, options.memory);
    await dc.context.sendActivity(renderReply(reply));
    return dc.endDialog(reply);
  }
}
