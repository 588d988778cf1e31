import { expect } from 'chai';
import type { Activity, Attachment } from 'botbuilder';
import { compose } from '../../src/answer/compose.js';
import type { Reply } from '../../src/answer/reply.js';
import { ADAPTIVE_CARD_VERSION } from '../../src/channels/adaptive-card.js';
import { renderReply } from '../../src/channels/render.js';
import { VOTE_ID_PREFIX } from '../../src/feedback/vote.js';
import { decision, everyKindOfDecision, salaryAbout, unitId } from '../support/decisions.js';
import { fixturePack } from '../support/knowledge.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const pack = fixturePack();

/** Replies made by hand, so each shape is tested on its own. */
const paragraphs: Reply = {
  blocks: [{ kind: 'heading', text: 'Work environment' }, { kind: 'paragraph', text: 'Field CRAs travel a **lot**.' }, { kind: 'source', text: 'Source: CRA Career Guide › Work environment', url: 'https://careers.example.org/cra#work-environment' }],
  suggestions: [{ label: 'Typical work hours', ask: 'Typical work hours' }], outcome: 'answer', unitIds: ['work_environment'], feedback: true,
};
const list: Reply = {
  blocks: [{ kind: 'heading', text: 'Top job sites' }, { kind: 'paragraph', text: 'Look here:' }, { kind: 'list', items: [{ text: 'TrialCareers Hub' }, { text: 'LinkedIn', url: 'https://www.linkedin.com/jobs' }] }],
  suggestions: [], outcome: 'answer', unitIds: ['top_job_sites'], feedback: true,
};
const salary = compose(pack, decision(salaryAbout({ states: ['TX'] })));

interface Card { type: string; version: string; body: Array<{ type: string; text?: string; facts?: Array<{ title: string; value: string }> }>; fallbackText: string }
const cardOf = (activity: Partial<Activity>): Card => {
  expect(activity.attachments, 'one attachment').to.have.length(1);
  const [attachment] = activity.attachments as Attachment[];
  expect(attachment!.contentType).to.equal(ADAPTIVE_CARD);
  return attachment!.content as Card;
};

describe('renderReply', () => {
  for (const channel of ['webchat', 'emulator', 'directline']) {
    describe(`on ${channel}`, () => {
      it('sends a reply without figures as Markdown text, and no card', () => {
        const activity = renderReply(paragraphs, channel);
        expect(activity).to.deep.include({ type: 'message', textFormat: 'markdown' });
        expect(activity.text).to.equal('**Work environment**\n\nField CRAs travel a **lot**.\n\n_[Source: CRA Career Guide › Work environment](https://careers.example.org/cra#work-environment)_');
        expect(activity.attachments ?? []).to.have.length(0);
      });

      it('writes lists as "- " items after a blank line, so they never fold into the paragraph above', () => {
        expect(renderReply(list, channel).text).to.equal('**Top job sites**\n\nLook here:\n\n- TrialCareers Hub\n- [LinkedIn](https://www.linkedin.com/jobs)');
      });

      it('sends a reply with figures as one Adaptive Card and no text, so the figures are said once', () => {
        const activity = renderReply(salary, channel);
        expect(activity.text ?? '').to.equal('');
        const card = cardOf(activity);
        expect(JSON.stringify(card)).to.include(pack.salary!.states!.records[1]!.display);
      });
    });
  }

  describe('on msteams', () => {
    it('sends a reply with a list as one Adaptive Card, which renders lists on every Teams client', () => {
      const activity = renderReply(list, 'msteams');
      expect(activity.text ?? '').to.equal('');
      const texts = cardOf(activity).body.map((e) => e.text);
      expect(texts).to.include('- TrialCareers Hub\n- [LinkedIn](https://www.linkedin.com/jobs)');
    });

    it('sends a reply with figures as one Adaptive Card', () => {
      cardOf(renderReply(salary, 'msteams'));
    });

    it('sends a reply of paragraphs only as Markdown text', () => {
      const activity = renderReply(paragraphs, 'msteams');
      expect(activity.attachments ?? []).to.have.length(0);
      expect(activity).to.deep.include({ textFormat: 'markdown' });
      expect(activity.text).to.include('**Work environment**');
    });
  });

  for (const channel of ['slack', 'telegram', undefined]) {
    describe(`on ${channel ?? 'an unnamed channel'}`, () => {
      it('sends plain text: "•" items, links written out, no emphasis marks', () => {
        const activity = renderReply(list, channel);
        expect(activity).to.deep.include({ textFormat: 'plain', text: 'Top job sites\n\nLook here:\n\n• TrialCareers Hub\n• LinkedIn (https://www.linkedin.com/jobs)' });
        const text = renderReply(paragraphs, channel).text;
        expect(text).to.not.include('**');
        expect(text).to.include('Source: CRA Career Guide › Work environment (https://careers.example.org/cra#work-environment)');
      });

      it('writes figures as text lines', () => {
        const activity = renderReply(salary, channel);
        expect(activity.attachments ?? []).to.have.length(0);
        expect(activity.text).to.include(`• Texas – ${pack.salary!.states!.records[1]!.display}`);
      });
    });
  }

  describe('the Adaptive Card', () => {
    const card = cardOf(renderReply(salary, 'webchat'));

    it(`uses schema ${ADAPTIVE_CARD_VERSION} and only TextBlock and FactSet, which every Teams client renders`, () => {
      expect(card).to.include({ type: 'AdaptiveCard', version: '1.5' });
      for (const element of card.body) expect(['TextBlock', 'FactSet']).to.include(element.type);
    });

    it('puts the figures in a FactSet, the asked-for one first and in bold', () => {
      const facts = card.body.find((e) => e.type === 'FactSet')!.facts!;
      const [texas, ...rest] = pack.salary!.states!.records.filter((r) => r.entityId === 'TX').concat(pack.salary!.states!.records.filter((r) => r.entityId !== 'TX'));
      expect(facts[0]).to.deep.equal({ title: `**${texas!.name}**`, value: `**${texas!.display}**` });
      expect(facts.slice(1)).to.deep.equal(rest.map((r) => ({ title: r.name, value: `${r.display}` })));
    });

    it('is headed by the figures\' title, then says the sentence before the figures, and ends with the source', () => {
      const title = (salary.blocks.find((b) => b.kind === 'figures') as { title: string }).title;
      const sentence = (salary.blocks[0] as { text: string }).text;
      expect(card.body[0]).to.deep.include({ type: 'TextBlock', text: title, style: 'heading' });
      expect(card.body.findIndex((e) => e.text === sentence)).to.be.within(1, card.body.findIndex((e) => e.type === 'FactSet'));
      expect(card.body.at(-1)).to.deep.include({ type: 'TextBlock', size: 'Small' });
      expect(card.body.at(-1)?.text).to.include('Source: CRA Career Guide');
    });

    it('has a fallback text with every figure, for hosts that cannot show cards', () => {
      for (const r of pack.salary!.states!.records) expect(card.fallbackText).to.include(r.display);
    });
  });

  describe('buttons', () => {
    it('puts them on the same activity as the reply, as imBack actions that ask their question', () => {
      const activity = renderReply(salary, 'msteams');
      expect(activity.attachments).to.have.length(1);
      expect(activity.suggestedActions?.actions).to.deep.equal(salary.suggestions.map((s) => ({ type: 'imBack', title: s.label, value: s.ask })));
    });

    it('opens a link with openUrl', () => {
      const reply: Reply = { ...paragraphs, suggestions: [{ label: 'Talk to an advisor', ask: 'Talk to an advisor', url: 'https://careers.example.org/advisor' }] };
      expect(renderReply(reply, 'webchat').suggestedActions?.actions).to.deep.equal([{ type: 'openUrl', title: 'Talk to an advisor', value: 'https://careers.example.org/advisor' }]);
    });

    it('offers at most three', () => {
      const reply: Reply = { ...paragraphs, suggestions: ['a', 'b', 'c', 'd', 'e'].map((s) => ({ label: s, ask: `${s}?` })) };
      expect(renderReply(reply, 'webchat').suggestedActions?.actions.map((a) => a.value)).to.deep.equal(['a?', 'b?', 'c?']);
    });

    it('are left out when there are none', () => {
      expect(renderReply(list, 'webchat').suggestedActions).to.equal(undefined);
    });
  });

  describe('votes on guide answers', () => {
    const answer = compose(pack, decision({ kind: 'answer', unitIds: [unitId('Typical work hours')] }));
    const smallTalk = compose(pack, decision({ kind: 'talk', intent: 'greeting' }));

    it('asks Web Chat for thumbs up and down, their ids naming the answer\'s units', () => {
      for (const channel of ['webchat', 'emulator', 'directline']) {
        const [entity] = renderReply(answer, channel).entities ?? [];
        expect(entity, channel).to.deep.include({ type: 'https://schema.org/Message', '@type': 'Message' });
        expect((entity as unknown as { potentialAction: unknown[] }).potentialAction).to.deep.equal([
          { '@type': 'LikeAction', '@id': `${VOTE_ID_PREFIX}${answer.unitIds.join('+')}`, name: 'Helpful' },
          { '@type': 'DislikeAction', '@id': `${VOTE_ID_PREFIX}${answer.unitIds.join('+')}`, name: 'Not helpful' },
        ]);
      }
    });

    it('turns on Teams\' feedback loop', () => {
      expect(renderReply(answer, 'msteams').channelData).to.deep.include({ feedbackLoopEnabled: true });
    });

    it('asks for none on small talk, nor on channels that have no votes', () => {
      expect(renderReply(smallTalk, 'webchat').entities ?? []).to.deep.equal([]);
      expect(renderReply(smallTalk, 'msteams').channelData).to.equal(undefined);
      expect(renderReply(answer, 'slack').entities ?? []).to.deep.equal([]);
    });
  });

  it('renders one activity for every kind of reply on every channel', () => {
    for (const [what, d] of everyKindOfDecision()) {
      const reply = compose(pack, d);
      for (const channel of ['webchat', 'msteams', 'slack']) {
        const activity = renderReply(reply, channel);
        expect(Boolean(activity.text) || (activity.attachments?.length ?? 0) === 1, `${what} on ${channel}`).to.equal(true);
        expect(activity.suggestedActions?.actions.length ?? 0).to.equal(reply.suggestions.length);
      }
    }
  });

  it('answers a unit of the guide in the Markdown its text came in', () => {
    const reply = compose(pack, decision({ kind: 'answer', unitIds: [unitId('Typical work hours')] }));
    expect(renderReply(reply, 'webchat').text).to.include(pack.units.get(unitId('Typical work hours'))!.excerpt.map((p) => (p.kind === 'paragraph' ? p.text : '')).join(''));
  });
});
