import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { say } from '../../src/answer/words.js';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/create-app.js';
import type { Pack } from '../../src/knowledge/knowledge.js';
import { loadConfiguredKnowledge } from '../../src/knowledge/load-knowledge.js';
import { DEFAULT_PACK_DIR, FIXTURE_PACK_DIR } from '../../src/paths.js';
import { listeningPort, startServer } from '../../src/server.js';
import { messageActivity } from '../support/activities.js';

/** A state's figure in a pack, read from the loaded pack rather than written here. */
const figureIn = (pack: Pack, state: string): string => pack.salary!.states!.records.find((r) => r.entityId === state)?.display ?? '(none)';

describe('one bot serving two careers, the MSL and the fixture CRA guide', function () {
  this.timeout(30_000);
  let server: Server;
  let base: string;
  let msl: Pack;
  let cra: Pack;

  before(async () => {
    // As an operator would configure it: KNOWLEDGE_DIR lists both pack folders, the first being the default career.
    const config = loadConfig({ KNOWLEDGE_DIR: `${DEFAULT_PACK_DIR},${FIXTURE_PACK_DIR}` });
    const knowledge = loadConfiguredKnowledge(config);
    [msl, cra] = knowledge.packs as [Pack, Pack];
    server = await startServer(createApp(config, knowledge), 0, '127.0.0.1');
    base = `http://127.0.0.1:${listeningPort(server)}`;
  });
  after(() => server?.close());

  const post = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).to.equal(200);
    return ((await res.json()) as { activities: Partial<Activity>[] }).activities;
  };
  /** Asks in a conversation and returns everything the reply says: its text and the strings inside its card. */
  const ask = async (conversationId: string, text: string): Promise<string> =>
    (await post(messageActivity(conversationId, { text }))).map((a) => `${a.text ?? ''}\n${JSON.stringify(a.attachments ?? [])}`).join('\n');

  it('loads both packs, the MSL one first', () => {
    expect([msl.id, cra.id]).to.deep.equal(['msl', 'cra']);
    // Washington has a CRA figure and no MSL one, so a Washington figure can only come from the CRA guide.
    expect(figureIn(msl, 'WA')).to.equal('(none)');
    expect(figureIn(cra, 'WA')).to.not.equal('(none)');
  });

  it('welcomes with both careers, offering a question about each', async () => {
    const [welcome] = await post(messageActivity(randomUUID(), { type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'Bot' }, { id: 'user', name: 'User' }] }));
    expect(welcome?.text).to.equal(say(msl, 'welcomeMany', { careers_list: 'Medical Science Liaison and Clinical Research Associate' }));
    expect(welcome?.suggestedActions?.actions.map((a) => a.value)).to.deep.equal([msl.starters[0]!.ask, cra.starters[0]!.ask]);
  });

  it('answers a question naming CRAs from the CRA guide, and carries the career over to a follow-up', async () => {
    const conversation = randomUUID();
    const texas = await ask(conversation, 'how much do CRAs make in Texas?');
    expect(texas).to.include(figureIn(cra, 'TX')).and.include('Source: CRA Career Guide');
    const washington = await ask(conversation, 'and Washington?');
    expect(washington).to.include(figureIn(cra, 'WA')).and.include('Source: CRA Career Guide');
  });

  it('answers a question naming MSLs from the MSL guide in the same conversation, and carries that career over', async () => {
    const conversation = randomUUID();
    await ask(conversation, 'how much do CRAs make in Texas?');
    const [first, second] = msl.salary!.states!.records;
    const mslFirst = await ask(conversation, `how much do MSLs make in ${first!.name}?`);
    expect(mslFirst).to.include(first!.display).and.include('Source: MSL Career Guide');
    const mslSecond = await ask(conversation, `what about ${second!.name}?`);
    expect(mslSecond).to.include(second!.display).and.include('Source: MSL Career Guide');
  });

  it('walks through the CRA steps once the conversation is about CRAs', async () => {
    const conversation = randomUUID();
    expect(await ask(conversation, 'how do I become a clinical research associate?')).to.include(cra.units.get(cra.walkthrough!.unitId)!.title);
    expect(await ask(conversation, 'next step')).to.include(cra.units.get(cra.walkthrough!.steps[0]!)!.title);
  });

  it('answers a question naming no career from the first pack in a new conversation', async () => {
    expect(await ask(randomUUID(), 'how do I become one?')).to.include(msl.units.get(msl.walkthrough!.unitId)!.title);
  });

  it('names the careers it knows when asked about one it does not', async () => {
    const reply = await ask(randomUUID(), 'how do I become a pilot?');
    expect(reply).to.include('Medical Science Liaisons and Clinical Research Associates').and.include('pilots');
  });
});
