import type { Block, FigureGroup, ListItem } from '../answer/reply.js';

/**
 * Blocks as Markdown, the subset Web Chat, the Emulator and Adaptive Card text blocks all render: paragraphs
 * separated by blank lines, "- " lists (a blank line before them, so they never fold into the paragraph above),
 * **bold**, _italics_ and [links](…).
 */
export function toMarkdown(blocks: readonly Block[]): string {
  return blocks.map(blockMarkdown).join('\n\n');
}

export function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading': return `**${b.text}**`;
    case 'paragraph': return b.text;
    case 'list': return b.items.map((i) => `- ${itemMarkdown(i)}`).join('\n');
    case 'figures': return b.groups.map(groupMarkdown).join('\n\n');
    case 'source': return b.url ? `_[${b.text}](${b.url})_` : `_${b.text}_`;
  }
}

function itemMarkdown(i: ListItem): string {
  return i.url ? `[${i.text}](${i.url})` : i.text;
}

/** A figure group as a titled list, the highlighted figure in bold. */
function groupMarkdown(g: FigureGroup): string {
  const rows = g.rows.map((r) => (r.highlight ? `- **${r.label} – ${r.value}**` : `- ${r.label} – ${r.value}`)).join('\n');
  return g.title ? `**${g.title}**\n\n${rows}` : rows;
}
