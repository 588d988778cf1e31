import type { Pack } from '../knowledge/knowledge.js';
import type { Gap } from '../policy/action.js';
import { say } from './words.js';

/**
 * The plain sentence that says what the guide doesn't cover. Every one says so in words a reader can't miss
 * ("The guide doesn't cover visas and sponsorship."); `nearest` says whether guide text follows it.
 */
export function gapSentence(pack: Pack, gap: Gap, nearest = false): string {
  switch (gap.kind) {
    case 'topic': return say(pack, nearest ? 'gapTopicNearest' : 'gapTopic', { topic: gap.topic });
    case 'question': return say(pack, nearest ? 'gapQuestionNearest' : 'gapQuestion');
    case 'figures': return say(pack, 'gapFigures');
    case 'why': return say(pack, 'gapWhy');
    case 'compare': return say(pack, 'gapCompare', { first: gap.first, second: gap.second });
    case 'list_item': return say(pack, 'gapListItem', { name: gap.name, list: gap.list });
    case 'salary': return say(pack, 'salaryGap', { topic: gap.topic });
  }
}
