import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { startAzurite, type Azurite } from '../storage/azurite.js';
import { ask } from './ask.js';
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
      await ask(bot.base, first, 'how do I become an MSL');
      expect(stepOf((await ask(bot.base, first, 'what comes next?')).text)).to.equal(1);
      // The second conversation never started the walk-through: it must not carry on from the first one's step.
      expect(stepOf((await ask(bot.base, second, 'what comes next?')).text)).to.not.equal(2);
      expect(stepOf((await ask(bot.base, first, 'what comes next?')).text)).to.equal(2);
    });
  });
});
