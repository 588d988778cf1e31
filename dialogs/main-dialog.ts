import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogs-sdk.js';
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
const ROUTE_WATERFALL = 'routeWaterfall';

/** Talk that acts on the conversation itself, so it is handled before any routing. */
const INTERRUPTIONS: ReadonlySet<TalkIntent> = new Set(['help', 'cancel', 'start_over']);
/** Interruptions after which nothing said before may shape the answer to the next message. */
const FORGETTING: ReadonlySet<TalkIntent> = new Set(['cancel', 'start_over']);

/** This turn's decision and start time, carried in the waterfall's step values to the step that logs them. */
interface TurnValues { decision?: Decision; started?: number }
const turnValues = (step: WaterfallStepContext): TurnValues => step.values as TurnValues;

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
 * memory rather than through a prompt, and the user can change the subject at any time.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly recognizer: Recognizer,
    private readonly composer: Composer,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly turnLog?: TurnLog,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new SalaryDialog(composer))
      .addDialog(new BecomeDialog(composer))
      .addDialog(new AnswerDialog(composer))
      .addDialog(new WaterfallDialog(ROUTE_WATERFALL, [this.route.bind(this), this.remember.bind(this)]));
    this.initialDialogId = ROUTE_WATERFALL;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const memory = await this.memory.get(step.context, {});
    turnValues(step).started = performance.now();
    const decision = this.recognizer.understand(step.context.activity.text ?? '', memory);
    turnValues(step).decision = decision;

    if (decision.kind === 'talk' && INTERRUPTIONS.has(decision.intent)) {
      const reply = this.composer.compose(decision, memory);
      await step.context.sendActivity(renderReply(reply));
      if (!FORGETTING.has(decision.intent)) return step.next(reply);
      this.log(step, reply);
      await this.memory.delete(step.context);
      return step.cancelAllDialogs();
    }

    const child = childDialogFor(decision);
    if (child) return step.beginDialog(child, { decision, memory } satisfies DecisionOptions);

    // Clarify, fallback, "that's all" and small talk need no dialog of their own.
    const reply = this.composer.compose(decision, memory);
    await step.context.sendActivity(renderReply(reply));
    return step.next(reply);
  }

  private async remember(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reply = step.result as Reply;
    this.log(step, reply);
    await this.memory.set(step.context, reply.memory);
    return step.endDialog(reply.memory);
  }

  private log(step: WaterfallStepContext, reply: Reply): void {
    if (!this.turnLog) return;
    const activity = step.context.activity;
    const { decision, started } = turnValues(step);
    if (!decision) return;
    this.turnLog.turn({
      conversationId: activity.conversation?.id ?? '',
      channelId: activity.channelId ?? '',
      intent: intentOf(decision),
      confidence: Number(decision.confidence.toFixed(3)),
      outcome: reply.outcome,
      latencyMs: Number((performance.now() - (started ?? performance.now())).toFixed(2)),
    }, activity.text ?? '');
  }
}
