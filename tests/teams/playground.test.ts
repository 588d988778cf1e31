import { expect } from 'chai';
import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { listeningPort, startServer } from '../../src/server.js';
import { say } from '../../src/answer/words.js';
import { FIXTURE_ENV, fixtureKnowledge, fixturePack } from '../support/knowledge.js';
import { PlaygroundClient, wordsOf, type PlaygroundMessage } from '../support/playground-client.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Starting the bot (training its classifier) and the Playground takes a few seconds each on a 2-core machine. */
const START_TIMEOUT_MS = 90_000;
/** One question and its reply through the Playground; replies take milliseconds, the limit is for a busy machine. */
const TURN_TIMEOUT_MS = 30_000;

const pack = fixturePack();
const figure = (id: string): string => pack.salary!.states!.records.find((r) => r.entityId === id)!.display;
/** A salary answer: one Adaptive Card holding the figure. */
const salaryAnswer = (amount: string) => (replies: readonly PlaygroundMessage[]) =>
  replies.some((m) => m.attachments.some((a) => a.contentType === ADAPTIVE_CARD && JSON.stringify(a.content).includes(amount)));

describe('the bot in Microsoft 365 Agents Playground, as Teams', function () {
  this.timeout(TURN_TIMEOUT_MS);
  let server: Server;
  let playground: PlaygroundClient;
  /** The channel of every activity the bot was given. */
  const channels = new Set<string>();

  before(async function () {
    this.timeout(START_TIMEOUT_MS);
    const app = createApp(loadConfig(FIXTURE_ENV), fixtureKnowledge());
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
    expect(welcome?.text).to.equal(say(pack, 'welcome'));
    expect(welcome?.suggestedActions?.actions.map((a) => a.value)).to.deep.equal(pack.starters.map((s) => s.ask));
  });

  it('answers a salary question with one Adaptive Card, its buttons on the same message', async () => {
    const replies = await playground.ask('how much do CRAs make in Washington?', salaryAnswer(figure('WA')));
    expect(replies).to.have.length(1);
    expect(replies[0]!.text ?? '').to.equal('');
    expect(replies[0]!.suggestedActions?.actions.length).to.be.within(1, 3);
    expect([...channels]).to.deep.equal(['msteams']);
  });

  it('follows up on the last place asked about', async () => {
    await playground.ask('how much do CRAs make in Washington?', salaryAnswer(figure('WA')));
    const replies = await playground.ask('and Texas?', salaryAnswer(figure('TX')));
    expect(JSON.stringify(replies[0]!.attachments)).to.contain('Texas is the second');
  });

  it('answers a suggested action pressed, which Teams posts back as the user\'s message', async () => {
    const [offer] = await playground.ask('how much do CRAs make in Washington?', salaryAnswer(figure('WA')));
    const oregon = offer?.suggestedActions?.actions.find((a) => a.title === 'Pay in Oregon');
    expect(oregon, JSON.stringify(offer?.suggestedActions)).to.not.equal(undefined);
    await playground.ask(String(oregon!.value), salaryAnswer(figure('OR')));
  });

  it('answers a guide question of paragraphs with the guide\'s text, as Markdown', async () => {
    const unit = [...pack.units.values()].find((u) => u.title === 'Work environment')!;
    const [reply] = await playground.ask(unit.ask, (r) => r.length > 0);
    expect(reply?.text).to.include(unit.excerpt.map((p) => (p.kind === 'paragraph' ? p.text : '')).join(''));
    expect(reply?.textFormat).to.equal('markdown');
  });

  it('answers a guide question with a list as one Adaptive Card', async () => {
    const [reply] = await playground.ask('Top job sites', (r) => r.length > 0);
    expect(reply?.attachments.map((a) => a.contentType)).to.deep.equal([ADAPTIVE_CARD]);
    expect(wordsOf([reply!])).to.include('TrialCareers Hub');
  });
});
