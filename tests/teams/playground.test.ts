import { expect } from 'chai';
import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, startServer } from '../../src/server.js';
import { realKnowledge } from '../support/knowledge.js';
import { PlaygroundClient, wordsOf, type PlaygroundMessage } from '../support/playground-client.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Starting the bot (training its classifier) and the Playground takes a few seconds each on a 2-core machine. */
const START_TIMEOUT_MS = 90_000;
/** One question and its reply through the Playground; replies take milliseconds, the limit is for a busy machine. */
const TURN_TIMEOUT_MS = 30_000;

const says = (words: string) => (replies: readonly PlaygroundMessage[]) => wordsOf(replies).includes(words);
const hasCard = (replies: readonly PlaygroundMessage[]) => replies.some((m) => m.attachments.some((a) => a.contentType === ADAPTIVE_CARD));
/** A salary answer is complete when both its parts have arrived: the Playground shows the text and the card as two messages. */
const salaryAnswer = (figure: string) => (replies: readonly PlaygroundMessage[]) => says(figure)(replies) && hasCard(replies);

describe('the bot in Microsoft 365 Agents Playground, as Teams', function () {
  this.timeout(TURN_TIMEOUT_MS);
  let server: Server;
  let playground: PlaygroundClient;
  /** The channel of every activity the bot was given. */
  const channels = new Set<string>();

  before(async function () {
    this.timeout(START_TIMEOUT_MS);
    const app = createApp(loadConfig({}), realKnowledge());
    const run = app.bot.run.bind(app.bot);
    const bot = { run: (context: TurnContext) => (channels.add(context.activity.channelId), run(context)) };
    server = await startServer({ ...app, bot }, 0, '127.0.0.1');
    playground = await PlaygroundClient.start({ botEndpoint: `http://127.0.0.1:${listeningPort(server)}/api/messages`, channelId: 'msteams' });
  });

  after(async () => {
    await playground?.close();
    server?.close();
  });

  it('runs the Playground as the msteams channel', () => {
    expect(playground.channelId).to.equal('msteams');
  });

  it('welcomes the user when the Playground opens the chat', async () => {
    const from = playground.botMessages.length;
    await playground.install();
    const [welcome] = await playground.waitFor(from, (replies) => replies.length > 0, 'after installation');
    expect(welcome?.text).to.equal(realKnowledge().replies.welcome);
    expect(welcome?.suggestedActions?.actions.map((a) => a.value)).to.deep.equal(realKnowledge().replies.starters.slice(0, 3));
  });

  it('answers a salary question with the figure and an Adaptive Card', async () => {
    const replies = await playground.ask('how much do MSLs earn in California', salaryAnswer('$164,660'));
    expect(replies.some((m) => m.text?.includes('$164,660')), 'the figure is in the text').to.equal(true);
    const card = replies.flatMap((m) => m.attachments).find((a) => a.contentType === ADAPTIVE_CARD);
    expect(JSON.stringify(card?.content)).to.contain('$164,660');
    expect(replies.find((m) => m.suggestedActions)?.suggestedActions?.actions.length).to.be.within(1, 3);
    expect([...channels]).to.deep.equal(['msteams']);
  });

  it('follows up on the last place asked about', async () => {
    await playground.ask('how much do MSLs earn in California', salaryAnswer('$164,660'));
    const replies = await playground.ask('what about New York?', salaryAnswer('$157,290'));
    expect(wordsOf(replies)).to.not.contain('$164,660');
  });

  it('answers a suggested action pressed, which Teams posts back as the user\'s message', async () => {
    const [offer] = await playground.ask('how much do MSLs earn in California', salaryAnswer('$164,660'));
    const newJersey = offer?.suggestedActions?.actions.find((a) => a.value === 'What about New Jersey?');
    expect(newJersey, JSON.stringify(offer?.suggestedActions)).to.not.equal(undefined);
    await playground.ask(String(newJersey!.value), salaryAnswer('$161,210'));
  });

  it('answers a guide question with the guide\'s text', async () => {
    const replies = await playground.ask('do I need a PhD', (r) => r.length > 0);
    expect(replies[0]?.text).to.match(/master’s or doctora/);
    expect(replies[0]?.textFormat).to.equal('markdown');
  });
});
