import { expect } from 'chai';
import { MAX_LINE_CHARS, parseLogLine, readLogLines } from '../../src/report/read-log-lines.js';
import { feedbackLine, turnLine } from '../support/sample-log.js';

describe('reading the bot log line by line', () => {
  it('reads a turn line with every field the turn log writes', () => {
    const line = parseLogLine(turnLine({ outcome: 'gap', topics: ['visa'], units: ['duties'], text: 'visa?' }));
    expect(line.kind).to.equal('turn');
    if (line.kind !== 'turn') return;
    expect(line.time).to.equal(Date.UTC(2026, 2, 2, 9));
    expect(line.turn).to.include({ outcome: 'gap', text: 'visa?' });
    expect(line.turn.topics).to.deep.equal(['visa']);
  });

  it('reads a feedback line with its vote and comment', () => {
    const line = parseLogLine(feedbackLine({ units: ['employers'], vote: 'down', comment: 'too short' }));
    expect(line.kind).to.equal('feedback');
    if (line.kind !== 'feedback') return;
    expect(line.feedback).to.deep.include({ vote: 'down', comment: 'too short', units: ['employers'] });
  });

  it('lets through fields a later version of the bot adds', () => {
    expect(parseLogLine(turnLine({ newField: 42 })).kind).to.equal('turn');
  });

  const setAside: Array<[string, string]> = [
    ['a request line', '{"level":30,"time":1772442845201,"service":"msl-career-bot","reqId":"x","method":"POST","path":"/api/messages","status":200,"ms":12,"msg":"request"}'],
    ['an error line', '{"level":50,"time":1772442845201,"service":"msl-career-bot","err":{"message":"boom"},"msg":"turn failed"}'],
    ['the start-up line', '{"level":30,"time":1772442845201,"port":3978,"msg":"listening"}'],
  ];
  for (const [what, text] of setAside) {
    it(`sets aside ${what} as another log line`, () => {
      expect(parseLogLine(text)).to.deep.equal({ kind: 'other' });
    });
  }

  it('counts an empty or white-space line as blank', () => {
    expect(parseLogLine('')).to.deep.equal({ kind: 'blank' });
    expect(parseLogLine('  \t')).to.deep.equal({ kind: 'blank' });
  });

  const skipped: Array<[string, string, string]> = [
    ['a start-up message', 'MSL career bot listening on http://localhost:3978', 'not JSON'],
    ['a line cut short', '{"level":30,"time":1772442845201,"turn":{"conversationId":"wc-', 'not JSON'],
    ['a JSON value that is not an object', '[1,2,3]', 'not a log record'],
    ['a turn line with a confidence in words', turnLine({ confidence: 'high' }), 'turn line that does not fit'],
    ['a turn line without its outcome', turnLine({ outcome: undefined }), 'turn line that does not fit'],
    ['a turn line without a time', turnLine({}).replace(/"time":\d+,/, ''), 'turn line that does not fit'],
    ['a turn line dated past any date', turnLine({}, 9e15), 'turn line that does not fit'],
    ['a vote that is neither up nor down', feedbackLine({ vote: 'meh' }), 'feedback line that does not fit'],
  ];
  for (const [what, text, reason] of skipped) {
    it(`skips ${what} as ${reason}`, () => {
      const line = parseLogLine(text);
      expect(line.kind).to.equal('skipped');
      if (line.kind === 'skipped') expect(line.reason).to.equal(reason);
    });
  }

  it('names the field that does not fit, never its value, since the value may be user text', () => {
    const line = parseLogLine(turnLine({ text: 12345, outcome: 'gap' }));
    expect(line).to.have.property('detail').that.match(/^turn\.text: /);
    expect(JSON.stringify(line)).not.to.include('12345');
  });

  it('skips a line longer than the limit without parsing it', () => {
    const line = parseLogLine(turnLine({ text: 'x'.repeat(MAX_LINE_CHARS) }));
    expect(line).to.deep.equal({ kind: 'skipped', reason: 'too long' });
  });

  it('numbers lines from 1 and names their source', async () => {
    const out = [];
    for await (const record of readLogLines(['', turnLine({}), 'oops'], 'bot.log')) out.push(record);
    expect(out.map((r) => [r.where.source, r.where.line, r.line.kind])).to.deep.equal([
      ['bot.log', 1, 'blank'],
      ['bot.log', 2, 'turn'],
      ['bot.log', 3, 'skipped'],
    ]);
  });
});
