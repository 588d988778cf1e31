import type { Reply } from '../answer/reply.js';
import { plainText } from '../answer/reply.js';
import type { EvalTurn } from './eval-cases.js';

/**
 * A reply that admits a gap says so in plain words, such as "The guide doesn't cover BCMAS certification" or "The
 * guide has no salary figure for Texas": the guide (or "it") followed, within the sentence, by a negation and a word
 * for what is missing. The same test the project's outside yardstick applies, so both judge gap replies alike.
 */
export const GAP_STATEMENT = /\b(?:guide|it)\b[^.!?\n]{0,80}\b(?:doesn't|does not|don't|do not|has no|hasn't|have no|says nothing|gives no|lists no|isn't|is not)\b[^.!?\n]{0,60}\b(?:cover|covers|covered|say|says|mention|mentions|information|figures?|details?|answer|address|go into|compare|list|lists)\b/;
/** A reply longer than this floods the user: it fails whatever it says. */
export const MAX_JUDGED_CHARS = 2000;

/** The reply's words as a user reads them: lower case, quotes straightened, emphasis gone, white space folded. */
export function readableText(reply: Reply): string {
  return plainText(reply).toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/[*_`]/g, '').replace(/\s+/g, ' ');
}

/** Why a reply fails a turn, or undefined when it passes. */
export function judgeTurn(turn: EvalTurn, reply: Reply): string | undefined {
  const raw = plainText(reply);
  const text = readableText(reply);
  if (!text.trim()) return 'empty reply';
  if (raw.length > MAX_JUDGED_CHARS) return `reply of ${raw.length} characters floods the user`;
  const dangling = danglingColon(reply);
  if (dangling) return `leaves "${dangling}" hanging with nothing after it`;
  for (const f of turn.forbid ?? []) if (text.includes(f.toLowerCase())) return `says "${f}"`;
  const gives = (id: string): boolean => reply.unitIds.includes(id);
  if (turn.expect && !turn.expect.some(gives)) return `gives none of ${turn.expect.join(', ')}`;
  if (turn.all) {
    const missing = turn.all.filter((id) => !gives(id));
    if (missing.length) return `misses ${missing.join(', ')}`;
  }
  const saysGap = GAP_STATEMENT.test(text);
  if (turn.gap && !saysGap) return 'does not say that the guide lacks what was asked';
  if (!turn.gap && (turn.expect || turn.all) && saysGap) return 'says the guide lacks what it answers';
  switch (turn.outcome) {
    case 'fallback':
      if (reply.unitIds.length > 0) return `answers ${reply.unitIds.join(', ')} to an off-topic question`;
      if (reply.outcome !== 'off_topic' && reply.outcome !== 'nodata') return `gives a ${reply.outcome} reply, not the off-topic one`;
      break;
    case 'nodata':
      if (reply.outcome !== 'nodata') return `gives a ${reply.outcome} reply, not an honest no-figure`;
      break;
    case 'smalltalk':
      if (reply.outcome !== 'talk') return `gives a ${reply.outcome} reply to small talk`;
      break;
    case 'language':
      if (reply.outcome !== 'language') return `gives a ${reply.outcome} reply to another language`;
      break;
    default:
  }
  return undefined;
}

/** A sentence ending in ":" with nothing but a source after it: a template that promised a list and gave none. */
function danglingColon(reply: Reply): string | undefined {
  const blocks = reply.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'paragraph' || !b.text.trim().endsWith(':')) continue;
    const next = blocks[i + 1];
    if (!next || next.kind === 'source') return b.text.slice(-40);
  }
  return undefined;
}
