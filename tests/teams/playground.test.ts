import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { MAX_SUGGESTIONS } from '../../src/answer/reply.js';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import { TEAMS_FEEDBACK_INVOKE } from '../../src/feedback/vote.js';
import { listeningPort, startServer } from '../../src/server.js';
import { say } from '../../src/answer/words.js';
import { Arrivals } from '../support/arrivals.js';
import { CollectedLog } from '../support/collected-log.js';
import { FIXTURE_ENV, fixtureFigure, fixtureKnowledge, fixturePack } from '../support/knowledge.js';
import { PlaygroundClient, wordsOf, type PlaygroundMessage } from '../support/playground-client.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Starting the bot (training its classifier) and the Playground takes a few seconds each on a 2-core machine. */
const START_TIMEOUT_MS = 90_000;
/** One question and its reply through the Playground; replies take milliseconds, the limit is for a busy machine. */
const TURN_TIMEOUT_MS = 30_000;

const pack = fixturePack();
/** A salary answer: one Adaptive Card holding the figure. */
const salaryAnswer = (amount: string) => (replies: readonly PlaygroundMessage[]) =>
  replies.some((m) => m.attachments.some((a) => a.contentType === ADAPTIVE_CARD && JSON.stringify(a.content).includes(amount)));
const unit = (title: string) => [...pack.units.values()].find((u) => u.title === title)!;
/** Words only a unit's answer shows (its question repeats the heading): the start of its first paragraph or item. */
const wordsOnlyIn = (u: ReturnType<typeof unit>): string => u.excerpt.map((p) => (p.kind === 'paragraph' ? p.text : p.items[0]!).slice(0, 40))[0]!;
/** A guide answer of one unit, in paragraphs: Markdown text in Teams. */
const HOURS = unit('Typical work hours');
/** Guide answers that come with follow-up buttons, in each of the two forms Teams gets. */
const ANSWERS_WITH_BUTTONS = [
  { form: 'paragraphs, as Markdown text', unit: unit('Field monitoring'), cards: [] },
  { form: 'a list, as an Adaptive Card', unit: unit('Top job sites'), cards: [ADAPTIVE_CARD] },
];

/**
 * One activity the adapter really sent (past the replies a turn holds until its state is saved), and the id the
 * Playground's connector gave it.
 */
interface SentActivity {
  readonly activity: Partial<Activity>;
  readonly id?: string;
}
/** One turn the bot ran: the activity it was given, and what the adapter sent for it (an invoke's response included). */
interface BotTurn {
  readonly incoming: Activity;
  readonly sent: readonly SentActivity[];
}
/** Where a turn keeps what the adapter sent for it. */
const SENT = Symbol('sent');
const isVote = (turn: BotTurn): boolean => turn.incoming.type === 'invoke' && turn.incoming.name === TEAMS_FEEDBACK_INVOKE;
const invokeResponseOf = (turn: BotTurn): InvokeResponse | undefined =>
  turn.sent.find((s) => s.activity.type === 'invokeResponse')?.activity.value as InvokeResponse | undefined;
/** The activity as the Playground posted it: the turn's copy, less what the server and botbuilder add on arrival. */
function asPosted(activity: Activity): Record<string, unknown> {
  const { rawTimestamp: _t, rawLocalTimestamp: _l, callerId: _c, ...posted } = JSON.parse(JSON.stringify(activity)) as Record<string, unknown>;
  return posted;
}

describe('the bot in Microsoft 365 Agents Playground, as Teams', function () {
  this.timeout(TURN_TIMEOUT_MS);
  let server: Server;
  let botEndpoint: string;
  let playground: PlaygroundClient;
  /** The channel of every activity the bot was given. */
  const channels = new Set<string>();
  /** Every turn the bot ran, in the order they ended, and how many it began. */
  const turns = new Arrivals<BotTurn>();
  let begun = 0;
  /** The app's own log (turns, votes), as an operator reads it. */
  const log = new CollectedLog();

  before(async function () {
    this.timeout(START_TIMEOUT_MS);
    // A vote's comment is user text, logged only when the deployment logs the text of what people did not like.
    const app = createApp(loadConfig({ ...FIXTURE_ENV, LOG_UNANSWERED_TEXT: 'true' }), fixtureKnowledge(), log.logger);
    const run = app.bot.run.bind(app.bot);
    const bot = {
      run: async (context: TurnContext) => {
        channels.add(context.activity.channelId);
        begun += 1;
        const sent: SentActivity[] = [];
        context.turnState.set(SENT, sent);
        try {
          await run(context);
        } finally {
          turns.push({ incoming: context.activity, sent });
        }
      },
    };
    // The adapter is where activities leave for the connector: what it is given is what the Playground gets.
    const send = app.adapter.sendActivities.bind(app.adapter);
    app.adapter.sendActivities = async (context, activities) => {
      const responses = await send(context, activities);
      const sent = context.turnState.get(SENT) as SentActivity[] | undefined;
      sent?.push(...activities.map((activity, i) => ({ activity, ...(responses[i]?.id ? { id: responses[i]!.id } : {}) })));
      return responses;
    };
    server = await startServer({ ...app, bot }, 0, '127.0.0.1');
    botEndpoint = `http://127.0.0.1:${listeningPort(server)}/api/messages`;
    playground = await PlaygroundClient.start({ botEndpoint, channelId: 'msteams' });
  });

  /**
   * How many turns have ended, once every turn begun has: a test goes on as soon as an answer shows, so the turn
   * that sent it may still be ending when the next test starts.
   */
  async function settled(): Promise<number> {
    return (await turns.waitFor(0, (t) => t.length === begun, TURN_TIMEOUT_MS, 'the end of turns begun')).length;
  }

  /** The user says `text` in the Playground; returns the turn that answered it once it has ended. */
  async function turnFor(text: string): Promise<BotTurn> {
    const from = await settled();
    await playground.say(text);
    const answers = (t: BotTurn) => t.incoming.type === 'message' && t.incoming.text === text;
    return (await turns.waitFor(from, (t) => t.some(answers), TURN_TIMEOUT_MS, `turn for "${text}"`)).find(answers)!;
  }

  /** The user votes with the Playground's thumbs; returns the status the Playground answers with, and the bot's turn for the vote. */
  async function voteInPlayground(reaction: 'like' | 'dislike', comment: string): Promise<{ status: number; turn: BotTurn }> {
    const from = await settled();
    const status = await playground.vote(reaction, comment);
    const [turn] = (await turns.waitFor(from, (t) => t.some(isVote), TURN_TIMEOUT_MS, 'vote turn')).filter(isVote);
    return { status, turn: turn! };
  }

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
    const replies = await playground.ask('how much do CRAs make in Washington?', salaryAnswer(fixtureFigure('WA')));
    expect(replies).to.have.length(1);
    expect(replies[0]!.text ?? '').to.equal('');
    expect(replies[0]!.suggestedActions?.actions.length).to.be.within(1, 3);
    expect([...channels]).to.deep.equal(['msteams']);
  });

  it('follows up on the last place asked about', async () => {
    await playground.ask('how much do CRAs make in Washington?', salaryAnswer(fixtureFigure('WA')));
    const replies = await playground.ask('and Texas?', salaryAnswer(fixtureFigure('TX')));
    expect(JSON.stringify(replies[0]!.attachments)).to.contain('Texas is the second');
  });

  it('answers a suggested action pressed, which Teams posts back as the user\'s message', async () => {
    const [offer] = await playground.ask('how much do CRAs make in Washington?', salaryAnswer(fixtureFigure('WA')));
    const oregon = offer?.suggestedActions?.actions.find((a) => a.title === 'Pay in Oregon');
    expect(oregon, JSON.stringify(offer?.suggestedActions)).to.not.equal(undefined);
    await playground.ask(String(oregon!.value), salaryAnswer(fixtureFigure('OR')));
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

  for (const { form, unit: answered, cards } of ANSWERS_WITH_BUTTONS) {
    it(`sends an answer of ${form}, in one message activity that carries its suggested actions`, async () => {
      const shownFrom = playground.botMessages.length;
      const turn = await turnFor(answered.ask);
      expect(turn.sent.map((s) => s.activity.type), 'activities the turn sent').to.deep.equal(['message']);
      const [{ activity, id }] = turn.sent as [SentActivity];
      expect(activity.suggestedActions?.actions.length, 'suggested actions on the answer').to.be.within(1, MAX_SUGGESTIONS);
      // Teams shows an activity's text and its cards as two messages (the Playground does the same, and gives no id).
      expect(Boolean(activity.text) && (activity.attachments ?? []).length > 0, 'text beside a card').to.equal(false);
      expect(id, 'the id the Playground gave the answer').to.be.a('string');

      const shown = await playground.waitFor(shownFrom, (r) => r.some((m) => m.messageId === id), `the answer to "${answered.ask}"`);
      expect(shown.map((m) => m.messageId), 'messages the Playground shows for the answer').to.deep.equal([id]);
      const [message] = shown as [PlaygroundMessage];
      expect(message.attachments.map((a) => a.contentType), 'cards in the message').to.deep.equal(cards);
      expect(wordsOf([message]), 'the answer in the message').to.include(wordsOnlyIn(answered));
      expect(message.suggestedActions?.actions.map((a) => a.title), 'buttons on the message').to.deep.equal(activity.suggestedActions!.actions.map((a) => a.title));
    });
  }

  it('asks for Teams\' feedback under a guide answer and not under small talk, and logs a vote from the Playground\'s thumbs', async () => {
    const [talk] = await playground.ask('help', (r) => r.length > 0);
    expect(talk?.feedbackLoopEnabled, 'feedback loop under small talk').to.equal(undefined);
    const [answer] = await playground.ask(HOURS.ask, (r) => r.length > 0);
    expect(answer?.feedbackLoopEnabled, 'feedback loop under the answer').to.equal(true);

    const votesFrom = log.withMessage('feedback').length;
    const { status, turn } = await voteInPlayground('like', 'Clear and useful');
    expect(status, 'the Playground\'s answer to the vote').to.equal(200);
    expect(invokeResponseOf(turn)?.status, 'the bot\'s invoke response').to.equal(200);
    const [vote] = await log.waitFor('feedback', votesFrom, (r) => r.length > 0, TURN_TIMEOUT_MS);
    // The Playground leaves the answer's id out of its invoke and sends the comment unwrapped (see
    // PlaygroundClient.vote), so this vote cannot name the answer's units or carry its comment: the next test sends
    // the invoke as Teams does.
    expect(vote?.feedback).to.deep.include({ conversationId: playground.chatId, channelId: 'msteams', vote: 'up' });
  });

  it('answers Teams\' feedback invoke on an answer with 200, and logs the vote with the answer\'s units and comment', async () => {
    const answerTurn = await turnFor(HOURS.ask);
    const [{ id: answerId }] = answerTurn.sent as [SentActivity];
    expect(answerId, 'the id the Playground gave the answer').to.be.a('string');
    // The answer's turn is the last to have ended (turnFor waits for earlier ones), so the last turn logged is its.
    const units = (log.withMessage('turn').at(-1)?.turn as { units: string[] }).units;
    expect(units, 'the units the answer came from, as its turn logged them').to.deep.equal([HOURS.id]);

    // The Playground cannot send this invoke as Teams does (no replyToId, a bare comment; see PlaygroundClient.vote),
    // so it goes over the HTTP path the Playground uses for the bot, this server's /api/messages: the Playground's
    // own vote invoke, with the answer's id and the JSON comment Teams sends.
    const { turn } = await voteInPlayground('dislike', 'Out of date');
    const invoke = {
      ...asPosted(turn.incoming), id: randomUUID(), replyToId: answerId,
      value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'Out of date' }) } },
    };
    const votesFrom = log.withMessage('feedback').length;
    const response = await fetch(botEndpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(invoke) });
    expect(response.status, `the invoke response: ${await response.text()}`).to.equal(200);
    const [vote] = await log.waitFor('feedback', votesFrom, (r) => r.length > 0, TURN_TIMEOUT_MS);
    expect(vote?.feedback).to.deep.equal({ conversationId: playground.chatId, channelId: 'msteams', units, outcome: 'answer', vote: 'down', comment: 'Out of date' });
  });
});
