import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { createStorage } from '../../src/storage/create-storage.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { ask } from './ask.js';
import { ReadGate } from './read-gate.js';
import { startBot, type RunningBot } from './running-bot.js';

/** Starting Azurite and two bots takes a few seconds; a slow machine gets ample room. */
const SETUP_TIMEOUT_MS = 60_000;
/** The walk-through's step a reply opens with, e.g. "**Step 2: …". */
const stepOf = (text: string): number | undefined => {
  const match = /^\*\*Step (\d):/.exec(text);
  return match ? Number(match[1]) : undefined;
};

describe('conversation state in blob storage (Azurite)', function () {
  this.timeout(SETUP_TIMEOUT_MS);
  let azurite: Azurite | undefined;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
  });

  const blobEnv = (container: string) => ({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString, AZURE_STORAGE_CONTAINER: container });

  /**
   * Finding 7: botbuilder saved with eTag "*", so when two instances answered one conversation at once, the later
   * save silently wiped the earlier one's update.
   */
  describe('shared by two instances answering one conversation at once (finding 7)', () => {
    const gate = new ReadGate();
    const bots: RunningBot[] = [];

    before(async () => {
      const env = blobEnv('concurrency');
      // Each instance has its own storage client, as two processes would.
      for (let i = 0; i < 2; i++) bots.push(await startBot(env, gate.wrap(createStorage(loadConfig(env).storage))));
    });
    after(async () => {
      for (const bot of bots) await bot.close();
    });

    it('keeps both updates: one instance re-runs its turn on the other\'s state', async () => {
      const [a, b] = bots as [RunningBot, RunningBot];
      const conversation = randomUUID();
      await ask(a.base, conversation, 'how do I become a clinical research associate?');
      expect(stepOf((await ask(a.base, conversation, 'what comes next?')).text)).to.equal(1);

      // Both read step 1; both would save step 2 and one "next" would be lost.
      gate.arm(2);
      const answers = await Promise.all([ask(a.base, conversation, 'what comes next?'), ask(b.base, conversation, 'what comes next?')]);
      expect(answers.map((answer) => answer.status)).to.deep.equal([200, 200]);
      expect(answers.map((answer) => stepOf(answer.text)).sort()).to.deep.equal([2, 3]);
      expect(stepOf((await ask(b.base, conversation, 'what comes next?')).text)).to.equal(4);
    });

    it('sends only the replies of the run that was saved', async () => {
      const [a, b] = bots as [RunningBot, RunningBot];
      const conversation = randomUUID();
      await ask(a.base, conversation, 'how do I become a clinical research associate?');
      gate.arm(2);
      const answers = await Promise.all([ask(a.base, conversation, 'what comes next?'), ask(b.base, conversation, 'what comes next?')]);
      // Each answer holds exactly one step: a discarded first run's reply would add a second.
      for (const answer of answers) expect(answer.text.match(/\*\*Step \d:/g) ?? [], answer.text).to.have.length(1);
    });
  });

  /** Finding 10: blob names were cut to 1,024 characters, so long conversation ids sharing a prefix shared state. */
  describe('with conversation ids longer than a blob name (finding 10)', () => {
    let bot: RunningBot;

    before(async () => {
      bot = await startBot(blobEnv('long-ids'));
    });
    after(() => bot.close());

    it('keeps apart two conversations whose ids share their first 1,100 characters', async () => {
      const prefix = `${randomUUID()}-${'x'.repeat(1_100)}`;
      const first = `${prefix}-first`;
      const second = `${prefix}-second`;
      await ask(bot.base, first, 'how do I become a clinical research associate?');
      expect(stepOf((await ask(bot.base, first, 'what comes next?')).text)).to.equal(1);
      // The second conversation never started the walk-through: it must not carry on from the first one's step.
      expect(stepOf((await ask(bot.base, second, 'what comes next?')).text)).to.not.equal(2);
      expect(stepOf((await ask(bot.base, first, 'what comes next?')).text)).to.equal(2);
    });
  });
});
