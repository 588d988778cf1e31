import { expect } from 'chai';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { Writable } from 'node:stream';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { createLogger } from '../../src/logger.js';
import { loggerTurnLog, maskContacts, MAX_LOGGED_TEXT_CHARS, type TextLogging } from '../../src/turn-log.js';
import { fixtureAdvisor } from '../support/knowledge.js';

/** Runs a few turns through MainDialog with a real logger writing into memory, and returns the logged turns. */
async function loggedTurns(logging: TextLogging, messages: string[]): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  const state = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(fixtureAdvisor(), state.createProperty<unknown>('ConversationMemory'), loggerTurnLog(createLogger({ level: 'info', destination: sink }), logging));
  const client = new DialogTestClient('webchat', dialog, undefined, [], state);
  for (const m of messages) await client.sendActivity(m);
  return lines.map((l) => (JSON.parse(l) as { turn: Record<string, unknown> }).turn);
}

const QUIET: TextLogging = { userText: false, unansweredText: false };
const ANSWERED = 'how much do CRAs make in Washington?';
const UNANSWERED = "my email is dana@example.org and my phone is +1 (555) 123-4567, what's the weather?";

describe('the turn log', () => {
  it('records the decision of every turn', async () => {
    const turns = await loggedTurns(QUIET, [ANSWERED, 'help']);
    expect(turns.map((t) => [t.career, t.action, t.outcome])).to.deep.equal([['cra', 'salary', 'salary'], ['cra', 'talk', 'talk']]);
  });

  it('leaves the user\'s words out by default', async () => {
    const turns = await loggedTurns(QUIET, [ANSWERED, UNANSWERED]);
    expect(JSON.stringify(turns)).to.not.include('Washington').and.not.include('weather');
    for (const t of turns) expect(t).to.not.have.property('text');
  });

  it('logs every turn\'s words with LOG_USER_TEXT', async () => {
    const turns = await loggedTurns({ userText: true, unansweredText: false }, [ANSWERED]);
    expect(turns[0]!.text).to.equal(ANSWERED);
  });

  it('logs only unanswered turns\' words with LOG_UNANSWERED_TEXT, e-mail addresses and phone numbers masked', async () => {
    const [answered, unanswered] = await loggedTurns({ userText: false, unansweredText: true }, [ANSWERED, UNANSWERED]);
    expect(answered).to.not.have.property('text');
    expect(unanswered!.outcome).to.equal('off_topic');
    expect(unanswered!.text).to.equal("my email is [email] and my phone is [phone], what's the weather?");
  });

  it('never writes a password or token into a line', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    createLogger({ level: 'info', destination: sink }).info({ MicrosoftAppPassword: 'hunter2', req: { headers: { authorization: 'Bearer abc.def' } } }, 'config');
    expect(lines.join('')).not.to.include('hunter2');
    expect(lines.join('')).not.to.include('abc.def');
  });
});

describe('maskContacts', () => {
  const table: Array<[string, string]> = [
    ['write to dana.lee+jobs@mail.example.co.uk please', 'write to [email] please'],
    ['call 555-123-4567', 'call [phone]'],
    ['call +44 20 7946 0958 after six', 'call [phone] after six'],
    ['how much do CRAs make in 2025?', 'how much do CRAs make in 2025?'],
    ['salary of $101,640 in Washington', 'salary of $101,640 in Washington'],
  ];
  for (const [text, masked] of table) {
    it(`turns "${text}" into "${masked}"`, () => {
      expect(maskContacts(text)).to.equal(masked);
    });
  }

  it('masks no more than MAX_LOGGED_TEXT_CHARS of a flood, cut at a word so no address is left half there', () => {
    const address = 'dana.lee@mail.example.org ';
    const flood = address.repeat(Math.ceil((MAX_LOGGED_TEXT_CHARS * 3) / address.length)) + 'a'.repeat(200_000);
    const masked = maskContacts(flood);
    expect(masked.length).to.be.at.most(MAX_LOGGED_TEXT_CHARS);
    expect(masked).to.not.include('@');
    expect(masked.split(' ').every((w) => w === '[email]' || w === '')).to.equal(true);
  });
});
