import { escapeHtml } from '../escape-html.js';
import type { PageOptions } from './page-options.js';

/** The page's own words, from the guide pack it serves. */
export interface PageBrand {
  readonly title: string;
  readonly tagline: string;
  readonly placeholder: string;
  readonly footnote: string;
  /** The bot's initials beside its messages: the career's short name. */
  readonly avatar: string;
}

export interface ChatPageView {
  readonly options: PageOptions;
  readonly brand: PageBrand;
  /** The compact layout for an iframe or the embed script's panel. */
  readonly embedded: boolean;
}


/**
 * Fills the page template. Every value goes through escapeHtml, and the options travel as JSON in a data attribute
 * that the page's script reads and applies with DOM APIs (textContent, CSS custom properties), never as markup.
 */
export function renderChatPage(template: string, { options, brand, embedded }: ChatPageView): string {
  const title = options.title ?? brand.title;
  const values: Readonly<Record<string, string>> = {
    title,
    tagline: brand.tagline,
    footnote: brand.footnote,
    layout: embedded ? 'embedded' : 'full',
    options: JSON.stringify({ ...options, title, avatar: brand.avatar, placeholder: brand.placeholder }),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? escapeHtml(values[name] ?? '') : whole));
}
