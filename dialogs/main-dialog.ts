import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult } from './dialogs-sdk.js';
import type { Recognizer } from '../src/career-advisor.js';
import type { Reply } from '../src/answer/reply.js';
import type { ConversationMemory, Decision, TalkIntent } from '../src/nlu/decision.js';
import type { TurnLog } from '../src/turn-log.js';
import { ANSWER_DIALOG, AnswerDialog } from './answer-dialog.js';
import { BECOME_DIALOG, BecomeDialog, isBecomeUnit } from './become-dialog.js';
import type { Composer, DecisionOptions } from './compose-reply-dialog.js';
import { renderReply } from './render-reply.js';
import { SALARY_DIALOG, SalaryDialog } from './salary-dialog.js';

export const MAIN_DIALOG = 'mainDialog';

/** Talk that acts on the conversation itself, so it is handled before any routing. */
const INTERRUPTIONS: ReadonlySet<TalkIntent> = new Set(['help', 'cancel', 'start_over']);
/** Interruptions after which nothing said before may shape the answer to the next message. */
const FORGETTING: ReadonlySet<TalkIntent> = new Set(['cancel', 'start_over']);

/** The intent a decision acted on, for the turn log. */
export function intentOf(decision: Decision): string {
  switch (decision.kind) {
    case 'answer': return decision.unitId;
    case 'salary': return decision.query.intent;
    case 'talk': return decision.intent;
    default: return decision.kind;
  }
}

/** The child dialog that answers a decision, or undefined when MainDialog replies itself. */
export function childDialogFor(decision: Decision): string | undefined {
  if (decision.kind === 'salary') return SALARY_DIALOG;
  if (decision.kind === 'answer') return isBecomeUnit(decision.unitId) ? BECOME_DIALOG : ANSWER_DIALOG;
  return undefined;
}

/**
 * The router. Every message is understood afresh against the conversation's memory and answered in the same
 * turn; nothing waits for a next message, so a follow-up like "what about New York?" works through the saved
 * memory rather than through a prompt, and the user can change the subject at any time. The routing runs in
 * onBeginDialog rather than in a waterfall: one turn, one step, and a waterfall's step state would be saved for
 * nothing on every message.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly recognizer: Recognizer,
    private readonly composer: Composer,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly turnLog?: TurnLog,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new SalaryDialog(composer)).addDialog(new BecomeDialog(composer)).addDialog(new AnswerDialog(composer));
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const started = performance.now();
    const memory = await this.memory.get(innerDc.context, {});
    const decision = this.recognizer.understand(innerDc.context.activity.text ?? '', memory);
    const reply = await this.answer(innerDc, decision, memory);
    this.log(innerDc, decision, reply, started);
    if (decision.kind === 'talk' && FORGETTING.has(decision.intent)) {
      await this.memory.delete(innerDc.context);
      return innerDc.cancelAllDialogs();
    }
    await this.memory.set(innerDc.context, reply.memory);
    return innerDc.endDialog(reply.memory);
  }

  /** Help, cancel and start over are answered first; then a child dialog, or MainDialog itself for the rest. */
  private async answer(innerDc: DialogContext, decision: Decision, memory: ConversationMemory): Promise<Reply> {
    const interruption = decision.kind === 'talk' && INTERRUPTIONS.has(decision.intent);
    const child = interruption ? undefined : childDialogFor(decision);
    if (child) {
      const result = await innerDc.beginDialog(child, { decision, memory } satisfies DecisionOptions);
      return result.result as Reply;
    }
    // Interruptions, clarify, fallback, "that's all" and small talk need no dialog of their own.
    const reply = this.composer.compose(decision, memory);
    await innerDc.context.sendActivity(renderReply(reply));
    return reply;
  }

  private log(innerDc: DialogContext, decision: Decision, reply: Reply, started: number): void {
    const activity = innerDc.context.activity;
    this.turnLog?.turn({
      conversationId: activity.conversation?.id ?? '',
      channelId: activity.channelId ?? '',
      intent: intentOf(decision),
      confidence: Number(decision.confidence.toFixed(3)),
      outcome: reply.outcome,
      latencyMs: Number((performance.now() - started).toFixed(2)),
    }, activity.text ?? '');
  }
}
