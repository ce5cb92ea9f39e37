/**
 * The readable text of a rendered policy page, run inside that page (Playwright's evaluate, or an
 * extension content script): the main content as Readability finds it, else the page without its
 * navigation, header, footer and banners, written as markdown so headings, list items and table
 * rows survive for the draft reader. Self-contained on purpose: Playwright sends the function's
 * source to the page, so it may use nothing from outside its body.
 */

/**
 * Past this much text a page is not a policy a person could read, and not one to draft from: real
 * policies run to tens of thousands of characters, and drafting a million takes about 2 s here.
 */
export const MAX_POLICY_CHARS = 1_000_000;

export interface PageTextResult {
  title: string;
  /** The document's declared language (`<html lang>`), lower case; '' when it declares none. */
  lang: string;
  markdown: string;
  /** Characters of text on the whole page, before the main content was chosen. */
  pageChars: number;
  /** How the main content was found. */
  via: 'readability' | 'page-without-boilerplate';
  /** A password field and little text: a login wall, not a policy. */
  loginWall: boolean;
  /** The document's MIME type as the browser has it (a PDF viewer or an image is not a policy page). */
  contentType: string;
}

interface ReadabilityLike {
  new (doc: Document, options?: { charThreshold?: number; keepClasses?: boolean }): { parse(): { content?: string | null; title?: string | null } | null };
}

export function extractPageText(readability: ReadabilityLike | undefined, maxChars: number): PageTextResult {
  const BOILERPLATE = 'nav, header, footer, aside, form, script, style, noscript, template, iframe, svg, button, [role=navigation], [role=banner], [role=contentinfo], [role=dialog], [aria-modal=true], [hidden], [id*=cookie-banner i], [class*=cookie-banner i], [id*=consent i], [class*=consent-banner i]';
  const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BLOCKQUOTE', 'DL', 'DT', 'DD', 'FIGURE', 'ADDRESS', 'PRE']);
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let length = 0;
  const push = (line: string) => {
    if (!line || length > maxChars) return;
    out.push(line);
    length += line.length + 2;
  };
  const inline = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element)) return '';
    if (node.tagName === 'BR') return ' ';
    const inner = Array.from(node.childNodes, inline).join('');
    if (node.tagName === 'A') {
      const href = (node as HTMLAnchorElement).href;
      const text = clean(inner);
      return /^https?:/.test(href) && text && text !== href ? `[${text}](${href})` : inner;
    }
    return inner;
  };
  const walk = (element: Element): void => {
    for (const child of Array.from(element.children)) {
      const tag = child.tagName;
      if (/^H[1-6]$/.test(tag)) push(`${'#'.repeat(Number(tag[1]))} ${clean(child.textContent ?? '')}`);
      else if (tag === 'UL' || tag === 'OL') {
        for (const item of Array.from(child.children).filter((c) => c.tagName === 'LI')) {
          const nested = item.querySelector('ul, ol, table');
          if (nested) {
            push(`* ${clean(Array.from(item.childNodes).filter((n) => !(n instanceof Element && n.matches('ul, ol, table'))).map(inline).join(''))}`);
            walk(item);
          } else push(`* ${clean(inline(item))}`);
        }
      } else if (tag === 'TABLE') {
        for (const row of Array.from((child as HTMLTableElement).rows)) {
          push(Array.from(row.cells, (cell) => clean(inline(cell))).join(' | '));
        }
      } else if (tag === 'P' || (BLOCKS.has(tag) && !child.querySelector('p, div, section, article, h1, h2, h3, h4, h5, h6, ul, ol, table, dl, blockquote'))) {
        push(clean(inline(child)));
      } else walk(child);
    }
  };
  const pageChars = clean(document.body?.innerText ?? '').length;
  let root: Element | undefined;
  let via: PageTextResult['via'] = 'page-without-boilerplate';
  if (readability) {
    try {
      const article = new readability(document.cloneNode(true) as Document, { charThreshold: 300 }).parse();
      const content = article?.content ? new DOMParser().parseFromString(article.content, 'text/html').body : undefined;
      if (content && clean(content.textContent ?? '').length > 200) {
        root = content;
        via = 'readability';
      }
    } catch {
      root = undefined;
    }
  }
  if (!root) {
    const body = (document.body?.cloneNode(true) as HTMLElement | undefined) ?? document.createElement('body');
    for (const element of Array.from(body.querySelectorAll(BOILERPLATE))) element.remove();
    root = body.querySelector('main, [role=main], article') ?? body;
  }
  walk(root);
  const passwordField = document.querySelector('input[type=password]') !== null;
  return {
    title: clean(document.title ?? ''),
    lang: (document.documentElement.getAttribute('lang') ?? '').trim().toLowerCase(),
    markdown: out.join('\n\n'),
    pageChars,
    via,
    loginWall: passwordField && pageChars < 3_000,
    contentType: document.contentType ?? '',
  };
}

/**
 * The document's links with the words a reader sees on them, run inside the page like
 * extractPageText (so: no named helpers inside; the TypeScript loader would wrap them).
 */
export function anchorsInDocument(limit: number): { href: string; text: string; title: string; ariaLabel: string }[] {
  return Array.from(document.querySelectorAll('a[href], area[href]'), (a) => ({
    href: (a as HTMLAnchorElement).href,
    text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
    title: (a.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
    ariaLabel: (a.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
  }))
    .filter((a) => typeof a.href === 'string')
    .slice(0, limit);
}
