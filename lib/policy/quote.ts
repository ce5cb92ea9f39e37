/**
 * Quotes in a policy file must be the policy's own words. Policy texts arrive as markdown or text
 * extracted from HTML, so before comparing, both sides lose what an author cannot reasonably copy
 * exactly: markup, typographic quotes and dashes, and line wrapping. Words and case must match.
 */
export function normalizePolicyText(text: string): string {
  return stripMarkdownSyntax(text)
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A markdown link or image, `[label](url "title")`. Neither part may hold another bracket or run
 * past a line's worth of text: the match then fails at the next bracket, so a text of ten thousand
 * `[` costs linear time instead of rescanning to its end from every bracket.
 */
export const MARKDOWN_LINK = /!?\[([^\][\n]{0,1000})\]\(([^()\n]{0,2048})\)/g;

/** Markdown an author cannot copy with the words: links, autolinks, escapes and emphasis. */
export function stripMarkdownSyntax(text: string): string {
  return (
    text
      // Links and images keep their label: [label](url "title") → label.
      .replace(MARKDOWN_LINK, '$1')
      // Autolinks keep their address: <http://…> → http://…
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      // Stray brackets (broken links in extracted text, editorial insertions in quotes).
      .replace(/[[\]]/g, '')
      // Backslash escapes.
      .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
      // Emphasis: * and ** anywhere, _ and __ only where they open or close a run of text,
      // so snake_case words survive.
      .replace(/\*+/g, '')
      .replace(/(^|[^\p{L}\p{N}])_+/gu, '$1')
      .replace(/_+(?=[^\p{L}\p{N}]|$)/gu, '')
  );
}

/** Pure: whether `quote` occurs in `text` once both are normalized. */
export function quoteAppearsIn(quote: string, text: string): boolean {
  return normalizePolicyText(text).includes(normalizePolicyText(quote));
}
