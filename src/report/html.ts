import { escapeHtml } from '../escape-html.js';

/** Markup that is already safe: built by `html`, never from a bare string. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = Html | string | number | readonly HtmlValue[] | undefined | null | false;

export { escapeHtml };

/**
 * A template tag that escapes every interpolated string, so text from a log can never become markup unless it went
 * through `html` itself. Arrays are joined; undefined, null and false leave nothing.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += piece(value) + strings[i + 1]!;
  });
  return new Html(out);
}

function piece(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}
