/**
 * The parts of botbuilder-dialogs the bot uses, imported from their own modules. The package's index also loads
 * every prompt and the Recognizers-Text suites behind them (about 150 ms of start-up) that this bot never uses.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog.js';
export { Dialog, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog.js';
export type { DialogContext, DialogState } from 'botbuilder-dialogs/lib/dialogContext.js';
export { runDialog } from 'botbuilder-dialogs/lib/dialogHelper.js';
