import { Channels, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult } from './dialogs-sdk.js';
import type { Brain } from '../src/career-advisor.js';
import { renderReply } from '../src/channels/render.js';
import { conversationOf, type AnswerIndex } from '../src/feedback/answer-index.js';
import { voteIdOf } from '../src/feedback/vote.js';
import { readMemory } from '../src/policy/memory.js';
import type { TurnLog } from '../src/turn-log.js';

export const MAIN_DIALOG = 'mainDialog';

/** Which "Did you mean…?" choice a turn took: "yes" takes the first, a button or a retyped question takes its own. */
function tookChoice(offered: readonly string[] | undefined, rule: string, units: readonly string[]): { took?: string } {
  if (!offered?.length) return {};
  if (rule === 'yes or no to a choice' && units.length) return { took: offered[0]! };
  const taken = units.find((u) => offered.includes(u));
  return taken ? { took: taken } : {};
}

/**
 * The whole turn, in four steps: understand the message, let the policy decide against the conversation's memory,
 * compose the reply, render it for the channel. Every message is understood afresh; follow-ups ("what about New
 * York?") work through the memory the policy keeps, not through a prompt, so the user can change the subject at
 * any time and no dialog waits for a next message.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly brain: Brain,
    private readonly memory: StatePropertyAccessor<unknown>,
    private readonly turnLog?: TurnLog,
    /** Where answers are indexed by activity id, for votes that name only the message (Teams). */
    private readonly answers?: AnswerIndex,
  ) {
    super(MAIN_DIALOG);
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    await this.answerTurn(innerDc.context);
    return innerDc.endDialog();
  }

  /**
   * One turn, whole: what onBeginDialog does under runDialog, callable without it. This dialog never waits for a
   * next message, so it needs none of runDialog's machinery (a dialog set, a state manager rebuilt every turn, a
   * dialog stack saved for nothing); MslBot calls this directly unless a dialog is waiting or the Emulator, which
   * shows runDialog's state trace, is the channel.
   */
  async answerTurn(context: TurnContext): Promise<void> {
    const started = performance.now();
    const memory = readMemory(await this.memory.get(context));
    const read = this.brain.read(context.activity.text ?? '', memory);
    const decision = this.brain.decide(read, memory);
    const reply = this.brain.compose(read, decision);
    const activity = renderReply(reply, context.activity.channelId);
    // Votes are logged with what the answer gave, as remembered here: Teams' name the message, Web Chat's the answer.
    if (this.answers && reply.feedback && reply.unitIds.length > 0) {
      const answer = { units: reply.unitIds, outcome: reply.outcome };
      if (context.activity.channelId === Channels.Msteams) this.answers.watch(context, activity, answer);
      else this.answers.offer(conversationOf(context.activity), voteIdOf(reply.unitIds), answer);
    }
    await context.sendActivity(activity);
    this.turnLog?.turn({
      conversationId: context.activity.conversation?.id ?? '',
      channelId: context.activity.channelId ?? '',
      career: read.pack.id,
      rule: decision.rule,
      action: decision.action.kind,
      units: reply.unitIds,
      confidence: decision.confidence,
      outcome: reply.outcome,
      topics: [...new Set([read.reading.focus, ...read.reading.parts].flatMap((a) => a.signals.topics.map((t) => t.id)))],
      ...(decision.action.kind === 'clarify' ? { offered: decision.action.choices } : {}),
      ...tookChoice(memory.offered, decision.rule, reply.unitIds),
      latencyMs: Number((performance.now() - started).toFixed(2)),
    }, context.activity.text ?? '');
    if (Object.keys(decision.memory).length === 0) await this.memory.delete(context);
    else await this.memory.set(context, decision.memory);
  }
}
