/**
 * HTML → markdown-like text without a DOM: the CLI runs in Node and the options page must not
 * render a pasted page (its scripts and images would load). Regular expressions are enough here
 * because we only need readable words and block boundaries, never a faithful tree.
 *
 * Output keeps what the policy reader (text-input.ts) needs: `#` headings, `* ` list items, BOLD
 * around bold runs (a paragraph that is all bold is a heading in many policies) and blank lines
 * between blocks. BOLD is a control character rather than `**` so that the words of an HTML text
 * never go through markdown's rules (`_ga` is a cookie name, not emphasis). Entities are left encoded: they are decoded once, after the markdown syntax is
 * gone, so `&lt;script&gt;` in the text stays words and `&#42;` does not become emphasis.
 */

import { decodeHTMLStrict } from 'entities/decode';

/** Elements whose content is never policy prose: code, styling, embedded documents, UI chrome. */
const DROPPED_ELEMENTS = [
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'title', 'nav', 'button',
  'select', 'textarea',
];

/** Marks where a bold run starts or ends; text-input.ts removes it from every text. */
export const BOLD = '\u0002';

const BLOCK_TAGS =
  'p|div|section|article|main|header|footer|aside|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|blockquote|figure|' +
  'figcaption|address|pre|hr|form|fieldset|details|summary|body|html|center';

/** Attributes may hold `>` inside quotes; this skips quoted values so a tag ends at its real `>`. */
const ATTRIBUTES = String.raw`(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?`;

export interface HtmlConversion {
  /** Text of the `<title>` element, if any. */
  title?: string;
  /** Markdown-like text with HTML entities still encoded. */
  text: string;
}

/**
 * Removes markup from HTML. `collapseWhitespace` treats source line breaks as spaces, as browsers
 * do; markdown input with embedded tags keeps its own line structure (false).
 */
export function htmlToMarkdownish(html: string, { collapseWhitespace = true } = {}): HtmlConversion {
  let text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, ' ')
    .replace(/<![a-z][^>]*>|<\?[\s\S]*?\?>/gi, ' ');
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(text);
  const title = titleMatch ? decodeHtmlEntities(stripTags(titleMatch[1]!)).replace(/\s+/g, ' ').trim() : '';
  for (const tag of DROPPED_ELEMENTS) {
    // An unclosed element is dropped to the end of the text: showing a script's source as prose
    // would be worse than losing a broken page's tail.
    const element = new RegExp(`<${tag}\\b${ATTRIBUTES}(?:\\/>|>[\\s\\S]*?(?:<\\/${tag}\\s*>|$))`, 'gi');
    text = text.replace(element, ' ');
  }
  if (collapseWhitespace) text = text.replace(/\s+/g, ' ');
  text = text
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_, level: string, inner: string) => {
      return `\n\n${'#'.repeat(Number(level))} ${stripTags(inner).replace(/\s+/g, ' ').trim()}\n\n`;
    })
    .replace(/<\/?(?:strong|b)\b[^>]*>/gi, BOLD)
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n\n* ')
    .replace(/<t[dh]\b[^>]*>/gi, ' | ')
    .replace(new RegExp(`</?(?:${BLOCK_TAGS}|h[1-6]|li)\\b${ATTRIBUTES}/?>`, 'gi'), '\n\n');
  return { ...(title && { title }), text: stripTags(text) };
}

/** Removes every remaining tag; `a < b` and `<http://…>` autolinks are not tags and stay. */
export function stripTags(html: string): string {
  return html.replace(new RegExp(`</?[a-zA-Z][a-zA-Z0-9-]*${ATTRIBUTES}/?>`, 'g'), '');
}

/*
 * After decoding, a no-break space becomes a plain one and the invisible joiners and soft hyphen
 * disappear: quotes are compared word for word with what a reviewer types, and these characters
 * look like nothing (or like a space) on screen.
 */
const PLAIN_EQUIVALENT: Readonly<Record<string, string>> = { '\u00a0': ' ', '\u00ad': '', '\u200c': '', '\u200d': '' };

/**
 * Decodes named (all of HTML's, from the `entities` package), decimal and hex character references;
 * unknown names and references without their semicolon stay as written.
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (reference) => {
    const decoded = decodeHTMLStrict(reference);
    // Control characters, and invalid code points (which the decoder turns into U+FFFD), would put
    // invisible junk into quotes.
    if (reference[1] === '#' && /^[\u0000-\u001f\ufffd]$/.test(decoded)) return ' ';
    return PLAIN_EQUIVALENT[decoded] ?? decoded;
  });
}
