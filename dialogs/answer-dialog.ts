import type { Decision } from '../src/nlu/decision.js';
import { ComposeReplyDialog, type Composer } from './compose-reply-dialog.js';

export const ANSWER_DIALOG = 'answerDialog';

/** Answers with one unit of the guide, quoted verbatim. */
export class AnswerDialog extends ComposeReplyDialog {
  constructor(composer: Composer) {
    super(ANSWER_DIALOG, composer);
  }

  protected override accepts(decision: Decision): boolean {
    return decision.kind === 'answer';
  }
}
