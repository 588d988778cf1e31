import { expect } from 'chai';
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog.js';
import { MslBot } from '../../src/bot.js';
import { AnswerIndex } from '../../src/feedback/answer-index.js';
import type { FeedbackLog } from '../../src/feedback/feedback-log.js';
import { TEAMS_FEEDBACK_INVOKE, VOTE_ID_PREFIX, WEB_CHAT_FEEDBACK_EVENT, type Vote } from '../../src/feedback/vote.js';
import { fixtureAdvisor, fixturePack } from '../support/knowledge.js';

const BOT = { id: 'bot-id', name: 'Career bot' };
const USER = { id: 'user-id', name: 'User' };
const HOURS = [...fixturePack().units.values()].find((u) => u.title === 'Typical work hours')!;

/** The real bot over the fixture pack, logging votes into a list. */
function botOnChannel(channelId: string) {
  const votes: Array<{ conversationId: string; channelId: string; vote: Vote; units: readonly string[]; outcome?: string; changed: boolean }> = [];
  const feedbackLog: FeedbackLog = {
    vote: (conversationId, channel, vote, answer, changed) => votes.push({ conversationId, channelId: channel, vote, units: answer?.units ?? [], ...(answer ? { outcome: answer.outcome } : {}), changed }),
  };
  const answers = new AnswerIndex();
  const conversationState = new ConversationState(new MemoryStorage());
  const dialog = new MainDialog(fixtureAdvisor(), conversationState.createProperty<unknown>('ConversationMemory'), undefined, answers);
  const bot = new MslBot({ conversationState, dialog, welcome: fixtureAdvisor().welcome(), feedbackLog, answers });
  const reference = TestAdapter.createConversation('conversation-id', USER.id, BOT.id);
  reference.channelId = channelId;
  reference.bot = BOT;
  reference.user = USER;
  const adapter = new TestAdapter(reference);
  const send = async (activity: Partial<Activity> | string): Promise<Partial<Activity>[]> => {
    await adapter.processActivity(activity, (context) => bot.run(context));
    return adapter.activeQueue.splice(0);
  };
  return { send, votes };
}

const teamsVote = (replyToId: string | undefined, reaction: string, feedback?: string): Partial<Activity> => ({
  type: 'invoke', name: TEAMS_FEEDBACK_INVOKE, ...(replyToId ? { replyToId } : {}),
  value: { actionName: 'feedback', actionValue: { reaction, ...(feedback ? { feedback } : {}) } },
});
const statusOf = (sent: Partial<Activity>[]): number | undefined => (sent.find((a) => a.type === 'invokeResponse')?.value as { status?: number } | undefined)?.status;

describe('votes on answers', () => {
  describe('in Teams, through its feedback loop', () => {
    it('logs a thumbs down with the units of the answer it replies to', async () => {
      const { send, votes } = botOnChannel('msteams');
      const [answer] = await send(HOURS.ask);
      expect(answer?.channelData).to.deep.include({ feedbackLoopEnabled: true });
      const sent = await send(teamsVote(answer!.id, 'dislike', JSON.stringify({ feedbackText: 'Out of date' })));
      expect(statusOf(sent)).to.equal(200);
      expect(votes).to.deep.equal([{ conversationId: 'conversation-id', channelId: 'msteams', units: [HOURS.id], outcome: 'answer', changed: false, vote: { vote: 'down', replyToId: answer!.id, comment: 'Out of date' } }]);
    });

    it('logs a vote on a message it does not know without units', async () => {
      const { send, votes } = botOnChannel('msteams');
      expect(statusOf(await send(teamsVote('someone-elses-message', 'like')))).to.equal(200);
      expect(votes.map((v) => v.units)).to.deep.equal([[]]);
    });

    it('answers a feedback invoke that is not a vote with 400, logging nothing', async () => {
      const { send, votes } = botOnChannel('msteams');
      expect(statusOf(await send(teamsVote('x', 'love')))).to.equal(400);
      expect(statusOf(await send({ type: 'invoke', name: TEAMS_FEEDBACK_INVOKE, value: 'thumbs' }))).to.equal(400);
      expect(votes).to.deep.equal([]);
    });
  });

  describe('in Web Chat, through its thumbs', () => {
    /** The answer to the hours question, and its thumbs' id. */
    const answerWithThumbs = async (send: (a: Partial<Activity> | string) => Promise<Partial<Activity>[]>) => {
      const [answer] = await send(HOURS.ask);
      const like = (answer!.entities ?? []).flatMap((e) => (e as { potentialAction?: Array<{ '@type': string; '@id': string }> }).potentialAction ?? []).find((a) => a['@type'] === 'LikeAction')!;
      return like['@id'];
    };
    const webVote = (type: 'LikeAction' | 'DislikeAction', id: string): Partial<Activity> => ({ type: 'event', name: WEB_CHAT_FEEDBACK_EVENT, entities: [{ '@type': type, '@id': id } as never] });

    it('logs the vote with the units and outcome of the answer its id names', async () => {
      const { send, votes } = botOnChannel('webchat');
      const id = await answerWithThumbs(send);
      expect(id).to.equal(`${VOTE_ID_PREFIX}${HOURS.id}`);
      const sent = await send(webVote('LikeAction', id));
      expect(sent.filter((a) => a.type === 'message'), 'no reply to a vote').to.deep.equal([]);
      expect(votes).to.deep.equal([{ conversationId: 'conversation-id', channelId: 'webchat', units: [HOURS.id], outcome: 'answer', changed: false, vote: { vote: 'up', voteId: id } }]);
    });

    it('logs a vote naming units this conversation was never given without them', async () => {
      const { send, votes } = botOnChannel('webchat');
      await answerWithThumbs(send);
      await send(webVote('DislikeAction', `${VOTE_ID_PREFIX}${[...fixturePack().units.keys()].find((u) => u !== HOURS.id)}`));
      expect(votes.map((v) => [v.vote.vote, v.units])).to.deep.equal([['down', []]]);
    });

    it('logs the same vote on the same answer once, and a change of mind as a change', async () => {
      const { send, votes } = botOnChannel('webchat');
      const id = await answerWithThumbs(send);
      for (const type of ['LikeAction', 'LikeAction', 'DislikeAction', 'DislikeAction'] as const) await send(webVote(type, id));
      expect(votes.map((v) => [v.vote.vote, v.changed])).to.deep.equal([['up', false], ['down', true]]);
    });

    it('ignores other events', async () => {
      const { send, votes } = botOnChannel('webchat');
      await send({ type: 'event', name: 'webchat/join', value: {} });
      expect(votes).to.deep.equal([]);
    });
  });
});
