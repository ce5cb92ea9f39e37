/*
 * The one way text gets into the HTML report. URLs, cookie names, storage keys and even policy
 * quotes come from the audited site, so every interpolated value is escaped unless it is markup
 * this module produced itself (SafeHtml). Escaping all five characters makes the same function
 * safe in element text and in quoted attribute values.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup built by the `html` template below; the only thing inserted without escaping. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What may be interpolated: text (escaped), markup, or lists of either. Empty values render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template: html`<td>${cookieName}</td>` escapes `cookieName`. Attribute values must be
 * written in double quotes (`title="${x}"`) so that escaping is enough to keep them closed.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}
