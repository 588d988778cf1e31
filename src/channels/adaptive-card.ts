import type { Block } from '../answer/reply.js';
import { blockMarkdown } from './markdown.js';
import { unbold } from './plain-text.js';

// 1.5 is the newest schema Teams renders on every client (desktop, web, mobile).
export const ADAPTIVE_CARD_VERSION = '1.5';

/**
 * A whole reply as one Adaptive Card, using only TextBlock and FactSet, which every Teams client renders: text
 * blocks carry Markdown (lists and links render in cards on every Teams client, unlike in plain messages), figure
 * groups become titled FactSets with the asked-for figure first and in bold, and the source is small text at the end.
 */
export function toAdaptiveCard(blocks: readonly Block[]): Record<string, unknown> {
  const body: object[] = [];
  // The figures' title heads the card ("MSL salary in California"), above the sentences that go with them.
  const figures = blocks.find((b) => b.kind === 'figures');
  if (figures) body.push({ type: 'TextBlock', text: figures.title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' });
  for (const b of blocks) {
    if (b.kind === 'figures') {
      for (const g of b.groups) {
        if (g.title) body.push({ type: 'TextBlock', text: g.title, weight: 'Bolder', wrap: true, spacing: 'Medium' });
        body.push({ type: 'FactSet', facts: g.rows.map((r) => ({ title: r.highlight ? `**${r.label}**` : r.label, value: r.highlight ? `**${r.value}**` : r.value })) });
      }
    } else if (b.kind === 'source') {
      body.push({ type: 'TextBlock', text: blockMarkdown(b), size: 'Small', wrap: true, spacing: 'Medium' });
    } else {
      body.push({ type: 'TextBlock', text: blockMarkdown(b), wrap: true, ...(b.kind === 'heading' ? { weight: 'Bolder' } : {}) });
    }
  }
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    // Shown by hosts that cannot render the card at all.
    fallbackText: blocks.map((b) => (b.kind === 'figures' ? b.groups.flatMap((g) => g.rows.map((r) => `${r.label}: ${r.value}`)).join('\n') : unbold(b.kind === 'list' ? b.items.map((i) => i.text).join('\n') : b.text))).join('\n'),
    body,
  };
}
