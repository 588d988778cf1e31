import type { PageOptions } from './page-options.js';

export interface ChatPageView {
  readonly options: PageOptions;
  /** The compact layout for an iframe or the embed script's panel. */
  readonly embedded: boolean;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and quoted attributes alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * Fills the page template. Every value goes through escapeHtml, and the options travel as JSON in a data attribute
 * that the page's script reads and applies with DOM APIs (textContent, CSS custom properties), never as markup.
 */
export function renderChatPage(template: string, { options, embedded }: ChatPageView): string {
  const values: Readonly<Record<string, string>> = {
    title: options.title,
    layout: embedded ? 'embedded' : 'full',
    options: JSON.stringify(options),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? escapeHtml(values[name] ?? '') : whole));
}
