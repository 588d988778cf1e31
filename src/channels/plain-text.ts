import type { Block } from '../answer/reply.js';

/** Blocks as plain text, for channels that render no Markdown: "•" lines, links written out, no emphasis marks. */
export function toPlainText(blocks: readonly Block[]): string {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return unbold(b.text);
      case 'list':
        return b.items.map((i) => `• ${i.text}${i.url ? ` (${i.url})` : ''}`).join('\n');
      case 'figures':
        return b.groups.map((g) => [...(g.title ? [g.title] : []), ...g.rows.map((r) => `• ${r.label} – ${r.value}`)].join('\n')).join('\n\n');
      case 'source':
        return b.url ? `${b.text} (${b.url})` : b.text;
    }
  }).join('\n\n');
}

export function unbold(text: string): string {
  return text.replace(/\*\*/g, '');
}
