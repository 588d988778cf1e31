import type { Decision } from '../src/nlu/decision.js';
import { ComposeReplyDialog, type Composer } from './compose-reply-dialog.js';

export const BECOME_DIALOG = 'becomeDialog';

/** Whether a unit is the how-to-become overview or one of its steps. */
export function isBecomeUnit(unitId: string): boolean {
  return unitId === 'become' || unitId.startsWith('step_');
}

/** Walks through how to become an MSL; "what's next" works because the reply's memory records the step shown. */
export class BecomeDialog extends ComposeReplyDialog {
  constructor(composer: Composer) {
    super(BECOME_DIALOG, composer);
  }

  protected override accepts(decision: Decision): boolean {
    return decision.kind === 'answer' && isBecomeUnit(decision.unitId);
  }
}
