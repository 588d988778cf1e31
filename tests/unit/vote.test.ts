import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { readVote, TEAMS_FEEDBACK_INVOKE, VOTE_ID_PREFIX, WEB_CHAT_FEEDBACK_EVENT, type Vote } from '../../src/feedback/vote.js';

const webChat = (type: string, id?: string): Partial<Activity> => ({
  type: 'event', name: WEB_CHAT_FEEDBACK_EVENT, entities: [{ '@type': type, ...(id === undefined ? {} : { '@id': id }) } as never],
});
const teams = (reaction: string, feedback?: unknown, replyToId = 'answer-1'): Partial<Activity> => ({
  type: 'invoke', name: TEAMS_FEEDBACK_INVOKE, replyToId, value: { actionName: 'feedback', actionValue: { reaction, ...(feedback === undefined ? {} : { feedback }) } },
});

describe('readVote', () => {
  const table: Array<[string, Partial<Activity>, Vote | undefined]> = [
    ['a Web Chat like, with the id of the thumbs pressed', webChat('LikeAction', `${VOTE_ID_PREFIX}duties+hours`), { vote: 'up', voteId: `${VOTE_ID_PREFIX}duties+hours` }],
    ['a Web Chat dislike', webChat('DislikeAction', `${VOTE_ID_PREFIX}salary_state_tx`), { vote: 'down', voteId: `${VOTE_ID_PREFIX}salary_state_tx` }],
    ['a Web Chat vote whose id is not one of ours, without it', webChat('LikeAction', 'urn:someone-else:42'), { vote: 'up' }],
    ['a Web Chat vote with no id', webChat('LikeAction'), { vote: 'up' }],
    ['a Teams like, replying to the answer', teams('like'), { vote: 'up', replyToId: 'answer-1' }],
    ['a Teams dislike with a comment', teams('dislike', JSON.stringify({ feedbackText: '  Out of date  ' })), { vote: 'down', replyToId: 'answer-1', comment: 'Out of date' }],
    ['a Teams vote whose comment is plain text, as a test client sends it', teams('like', ' great '), { vote: 'up', replyToId: 'answer-1', comment: 'great' }],
    ['a Teams vote whose comment is an object, as the Agents SDK allows', teams('dislike', { feedbackText: 'Too long' }), { vote: 'down', replyToId: 'answer-1', comment: 'Too long' }],
    ['a Teams vote with an empty comment, without it', teams('like', JSON.stringify({ feedbackText: '  ' })), { vote: 'up', replyToId: 'answer-1' }],
    ['a Web Chat action that is not a vote', webChat('ShareAction', `${VOTE_ID_PREFIX}duties`), undefined],
    ['a Teams reaction that is not a vote', teams('love'), undefined],
    ['an event of another name', { type: 'event', name: 'webchat/join', entities: [] }, undefined],
    ['a message', { type: 'message', text: 'thumbs up' }, undefined],
  ];
  for (const [what, activity, vote] of table) {
    it(`reads ${what}`, () => {
      expect(readVote(activity)).to.deep.equal(vote);
    });
  }

  it('cuts a long Teams comment to 500 characters', () => {
    expect(readVote(teams('dislike', JSON.stringify({ feedbackText: 'x'.repeat(2000) })))?.comment).to.have.length(500);
  });
});
