import type { Decision } from '../src/nlu/decision.js';
import { ComposeReplyDialog, type Composer } from './compose-reply-dialog.js';

export const SALARY_DIALOG = 'salaryDialog';

/** Answers salary questions from the guide's figures, with the figures as a card. */
export class SalaryDialog extends ComposeReplyDialog {
  constructor(composer: Composer) {
    super(SALARY_DIALOG, composer);
  }

  protected override accepts(decision: Decision): boolean {
    return decision.kind === 'salary';
  }
}
