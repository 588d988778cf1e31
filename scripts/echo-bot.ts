// The baseline for `npm run bench`: the smallest Bot Framework bot on the same botbuilder, restify and body parser
// as ours, echoing each message. Started by the bench as a child process; PORT chooses the port.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

// The same body limit as ours (src/server.ts), written out rather than imported: importing our server module would
// load our code into the baseline and slow its start-up.
const MAX_BODY_BYTES = 256 * 1024;

const port = Number(process.env.PORT ?? 3979);

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

// No app id: unauthenticated, as our bot runs locally.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo-bot' });
server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(port, '127.0.0.1', () => console.log(`echo bot listening on http://127.0.0.1:${port}`));
const stop = (): void => {
  server.close(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
