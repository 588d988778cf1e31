// A reference for `npm run bench`: a stock bot of the shape Microsoft's 13.core-bot sample has, on the same
// botbuilder, restify and body parser as ours: conversation and user state, a dialog run with runDialog every turn,
// and a reply with an Adaptive Card and three suggested actions. Started by the bench as a child process.
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, MessageFactory, UserState } from 'botbuilder';
import { ComponentDialog, runDialog, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import restify from 'restify';

// The same body limit as ours (src/server.ts), written out so the reference loads none of our code.
const MAX_BODY_BYTES = 256 * 1024;
const port = Number(process.env.PORT ?? 3980);

/** A one-step waterfall that answers with a card and three suggested actions, then ends. */
class MainDialog extends ComponentDialog {
  constructor() {
    super('main');
    this.addDialog(new WaterfallDialog('waterfall', [async (step: WaterfallStepContext) => {
      const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard', version: '1.5',
        body: [
          { type: 'TextBlock', text: `You said: ${step.context.activity.text ?? ''}`, wrap: true },
          { type: 'FactSet', facts: [{ title: 'One', value: '$1' }, { title: 'Two', value: '$2' }, { title: 'Three', value: '$3' }] },
        ],
      });
      const reply = MessageFactory.suggestedActions(['First', 'Second', 'Third'], 'Here you are');
      reply.attachments = [card];
      await step.context.sendActivity(reply);
      return step.endDialog();
    }]));
    this.initialDialogId = 'waterfall';
  }
}

class CoreBot extends ActivityHandler {
  constructor(conversationState: ConversationState, userState: UserState, dialog: MainDialog) {
    super();
    const dialogState = conversationState.createProperty<DialogState>('DialogState');
    this.onMessage(async (context, next) => {
      await runDialog(dialog, context, dialogState);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context, false);
      await userState.saveChanges(context, false);
      await next();
    });
  }
}

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new CoreBot(conversationState, userState, new MainDialog());
const server = restify.createServer({ name: 'core-bot' });
server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(port, '127.0.0.1', () => console.log(`core bot listening on http://127.0.0.1:${port}`));
const stop = (): void => {
  server.close(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
