import { BOLD, decodeHtmlEntities, htmlToMarkdownish } from './text-html';
import { MARKDOWN_LINK, stripMarkdownSyntax } from './quote';

/**
 * A policy text as sections of paragraphs, whatever it arrived as (.md, .html, .txt). Pure: the
 * CLI and the options page read texts the same way, so a draft made in either quotes the same words.
 */

export type PolicyTextFormat = 'markdown' | 'html' | 'text';

export interface PolicyTextSection {
  /** The heading as written; "Introduction" for text before the first heading. */
  heading: string;
  /** Plain text, one paragraph or list item each, markup removed and whitespace collapsed. */
  paragraphs: string[];
  /** Set on the implicit "Introduction": the text has no such heading. */
  untitled?: true;
}

export interface PolicyText {
  /** The document's own title: HTML `<title>`, else a first top-level heading. */
  title?: string;
  sections: PolicyTextSection[];
}

export const INTRODUCTION = 'Introduction';

const EXTENSIONS: Readonly<Record<string, PolicyTextFormat>> = {
  md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', xhtml: 'html', txt: 'text', text: 'text',
};

/** The format a file name's extension announces, or undefined for anything else. */
export function policyTextFormatOf(fileName: string): PolicyTextFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : EXTENSIONS[extension];
}

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS).map((e) => `.${e}`);

/** For pasted text: HTML when it reads like markup, else markdown (plain text is valid markdown). */
export function guessPolicyTextFormat(text: string): PolicyTextFormat {
  return /<(?:html|body|p|div|h[1-6]|article|section)\b[^>]*>/i.test(text) ? 'html' : 'markdown';
}

interface Block {
  /**
   * A table row is a paragraph of its own that is never read as a heading ("Name | Provider | Purpose"):
   * a markdown row between bars, or a line of cells (isLineOfCells).
   */
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  level?: number;
  /** Raw lines of the block (markdown inline syntax still in). */
  lines: string[];
}

export function readPolicyText(raw: string, format: PolicyTextFormat): PolicyText {
  const html =
    format === 'text'
      ? { text: raw }
      : htmlToMarkdownish(format === 'markdown' ? keepPlaceholdersInRows(raw) : raw, { collapseWhitespace: format === 'html' });
  const blocks = markdownBlocks(html.text);
  let title = html.title;
  const sections: PolicyTextSection[] = [{ heading: INTRODUCTION, paragraphs: [], untitled: true }];
  let sawHeading = false;
  blocks.forEach((block, index) => {
    const headingText = headingOf(block, blocks[index + 1], format);
    if (headingText !== undefined) {
      // A top-level heading before any other is the document's name (the page title when the
      // HTML has one), not a section: the text under it is the introduction.
      const documentHeading = block.level === 1 && !sawHeading;
      sawHeading = true;
      if (documentHeading) title ??= headingText;
      else sections.push({ heading: headingText, paragraphs: [] });
      return;
    }
    const text = format === 'markdown' && block.kind === 'row'
      ? inlineText(unmarkTableRow(block.lines.join(' ')), 'text')
      : inlineText(block.lines.join(' '), format);
    if (text !== '') sections.at(-1)!.paragraphs.push(text);
  });
  return { ...(title && { title }), sections: sections.filter((s) => s.paragraphs.length > 0 || !s.untitled) };
}

/** The text as plain lines: headings and paragraphs, separated by blank lines. */
export function policyPlainText(text: PolicyText): string {
  const parts = text.title ? [text.title] : [];
  for (const section of text.sections) {
    if (!section.untitled) parts.push(section.heading);
    parts.push(...section.paragraphs);
  }
  return `${parts.join('\n\n')}\n`;
}

function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  const close = () => {
    if (open) blocks.push(open);
    open = undefined;
  };
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.replace(/^\s{0,3}>\s?/, '').replace(/\s+$/, '');
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(line);
    if (line.trim() === '') close();
    else if (atx) {
      close();
      blocks.push({ kind: 'heading', level: atx[1]!.length, lines: [atx[2]!] });
    } else if (/^\s{0,3}(?:=+|-+)$/.test(line) && open?.kind === 'paragraph' && open.lines.length === 1) {
      // Setext underline: the paragraph line above is a heading.
      blocks.push({ kind: 'heading', level: line.includes('=') ? 1 : 2, lines: open.lines });
      open = undefined;
    } else if (/^\s*(?:[-*_]\s*){3,}$/.test(line) || /^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/.test(line)) {
      close(); // thematic break, table separator row
    } else if (/^\s*(?:[*+•-]|\d{1,3}[.)])\s+/.test(line)) {
      close();
      open = { kind: 'item', lines: [line.replace(/^\s*(?:[*+•-]|\d{1,3}[.)])\s+/, '')] };
    } else if (/^\s*\|.*\|\s*$/.test(line)) {
      close();
      blocks.push({ kind: 'row', lines: [line.trim().replace(/^\|\s*|\s*\|$/g, '')] });
    } else {
      open ??= { kind: 'paragraph', lines: [] };
      open.lines.push(line.trim());
    }
  }
  close();
  return blocks.map((block, index) =>
    isLineOfCells(block, blocks[index - 1], blocks[index + 1]) ? { ...block, kind: 'row' } : block,
  );
}

const barsIn = (block: Block | undefined) =>
  block?.kind !== 'heading' && block?.lines.length === 1 ? (block.lines[0]!.match(/\s\|\s/g) ?? []).length : 0;

/**
 * Table rows as the browser's page reader writes them (`_ga | Google | Distinguishes visitors`),
 * without markdown's outer bars: a line of three cells or more, or one that has as many cells as a
 * line next to it. "Privacy Policy | Acme" alone is a title, not a table.
 */
function isLineOfCells(block: Block, previous: Block | undefined, next: Block | undefined): boolean {
  if (block.kind !== 'paragraph') return false;
  const bars = barsIn(block);
  return bars >= 2 || (bars === 1 && (barsIn(previous) === 1 || barsIn(next) === 1));
}

/**
 * The heading text when the block is one: `#` and setext headings, a paragraph that is all bold,
 * and in markdown or plain text a short line without sentence punctuation followed by more text
 * ("Information Related to Data Collected for our Clients").
 */
function headingOf(block: Block, next: Block | undefined, format: PolicyTextFormat): string | undefined {
  if (block.kind === 'heading') return inlineText(block.lines.join(' '), format) || undefined;
  if (block.kind !== 'paragraph' || block.lines.length !== 1) return undefined;
  const line = block.lines[0]!.trim();
  const bold = /^(\*\*|__|\u0002)(.+?)\1\s*:?$/.exec(line);
  if (bold && !/[.!?]$/.test(bold[2]!.trim())) return inlineText(bold[2]!, format) || undefined;
  if (format === 'html' || next === undefined || next.kind === 'heading') return undefined;
  const text = inlineText(line, format);
  const shortLine = text.length <= 80 && text.split(' ').length <= 12;
  const italic = /^([*_])[^*_].*\1$/.test(line);
  return shortLine && !italic && /^[\p{Lu}\p{N}]/u.test(text) && /\p{L}/u.test(text) && !/[.!?,;:]/.test(text)
    ? text
    : undefined;
}

/** Inline HTML a markdown table cell may hold; any other `<word>` in a row is a placeholder of a name. */
const CELL_TAGS = /^\/?(?:a|abbr|b|br|code|del|em|i|img|ins|kbd|mark|p|s|small|span|strong|sub|sup|u|div)$/i;

/**
 * Cookie tables write the variable part of a name as `<id>` (`_ga_<container-id>`); in a table row,
 * such a word is text, not a tag to strip. It is escaped so it survives as written, and decoded with
 * the other entities.
 */
function keepPlaceholdersInRows(markdown: string): string {
  return markdown.replace(/^.*\s\|\s.*$|^\s*\|.*\|\s*$/gm, (row) =>
    row.replace(/<(\/?[a-z][\w-]*)>/gi, (tag, name: string) => (CELL_TAGS.test(name) ? tag : `&lt;${name}&gt;`)),
  );
}

/**
 * Cells of a table row lose only the markdown that wraps words (links, escapes, a bold or italic
 * cell), not every underscore and asterisk: the cells of cookie tables are names like `_ga`,
 * `__utm*` and `_ga_*`, which prose emphasis rules would cut to `ga`, `utm` and `ga`. A quote cut
 * from such a row is still found by quoteAppearsIn, which normalizes the quote and the text alike.
 */
function unmarkTableRow(row: string): string {
  return row
    .split(/((?<!\\)\s*\|\s*)/)
    .map((part, index) => (index % 2 === 1 ? part : unmarkCell(part)))
    .join('');
}

function unmarkCell(cell: string): string {
  const text = cell
    .replace(MARKDOWN_LINK, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1');
  const wrapped = /^(\s*)([*_]{1,2})(?=[^*_\s])(.*[^*_\s])\2(\s*)$/.exec(text);
  return wrapped ? `${wrapped[1]}${wrapped[3]}${wrapped[4]}` : text;
}

/**
 * Markdown inline syntax removed by the same rules, in the same order, as lib/policy/quote.ts
 * normalizes it (links keep their label, emphasis and stray brackets go), so a quote cut from this
 * text is found again by quoteAppearsIn, even where those rules are rough (a URL with parentheses).
 * Unlike normalization it keeps typographic quotes and dashes: a reviewer sees the policy's own characters.
 * Backticks stay too, because normalization keeps them: a quote without them would not be found.
 */
function inlineText(text: string, format: PolicyTextFormat): string {
  const plain = format === 'markdown' ? stripMarkdownSyntax(text) : text;
  return decodeHtmlEntities(plain.split(BOLD).join(''))
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\|\s*|\s*\|$/g, ''); // table rows: cells stay apart, the outer bars go
}

