import { registrableDomain } from '../classify/domain';

/**
 * Which pages a run visits, in order: the start URLs, then (with --max-pages) same-site links
 * breadth-first, so the pages closest to the start are audited first when the budget runs out.
 * Pure: the browser hands in the links it found; nothing here touches the network.
 */
export class CrawlFrontier {
  private readonly queue: string[] = [];
  private readonly seen = new Set<string>();
  private readonly siteDomains: Set<string>;
  private taken = 0;

  /** `maxPages` undefined: visit exactly the start URLs and follow no link. */
  constructor(
    startUrls: readonly string[],
    private readonly maxPages?: number,
  ) {
    this.siteDomains = new Set(startUrls.map((url) => registrableDomain(new URL(url).hostname)));
    for (const url of startUrls) this.enqueue(normalizePageUrl(url));
  }

  get crawling(): boolean {
    return this.maxPages !== undefined;
  }

  /** The next page to visit, or undefined when the list or the page budget is exhausted. */
  next(): string | undefined {
    if (this.maxPages !== undefined && this.taken >= this.maxPages) return undefined;
    const url = this.queue.shift();
    if (url !== undefined) this.taken += 1;
    return url;
  }

  /** Pages to expect in total, as far as is known now (for "page n of N"). */
  expectedTotal(): number {
    const known = this.taken + this.queue.length;
    return this.maxPages === undefined ? known : Math.min(known, this.maxPages);
  }

  /** Where a visited page ended up (redirects): a link to that address is not a new page. */
  markVisited(finalUrl: string): void {
    this.seen.add(normalizePageUrl(finalUrl));
  }

  /** Queues the links worth following from a visited page; ignored when not crawling. */
  addLinks(links: readonly string[]): void {
    if (!this.crawling) return;
    for (const link of links) {
      const url = crawlableUrl(link, this.siteDomains);
      if (url !== undefined) this.enqueue(url);
    }
  }

  private enqueue(url: string): void {
    if (this.seen.has(url)) return;
    this.seen.add(url);
    this.queue.push(url);
  }
}

/** The same page whatever the fragment: `/a#top` and `/a` are one visit. */
export function normalizePageUrl(text: string): string {
  const url = new URL(text);
  url.hash = '';
  return url.href;
}

/**
 * Files a browser would download or show without HTML: visiting them audits nothing and, for
 * downloads, aborts the navigation.
 */
const NOT_HTML = new Set(
  (
    'pdf zip gz tgz bz2 xz rar 7z tar exe dmg msi pkg deb rpm apk iso bin jpg jpeg png gif webp avif svg ico ' +
    'bmp tif tiff heic mp3 mp4 m4a m4v mov avi wmv webm ogg ogv wav flac doc docx xls xlsx ppt pptx odt ods ' +
    'odp rtf csv txt json xml rss atom css js mjs map swf woff woff2 ttf otf eot ics vcf epub'
  ).split(' '),
);

/** Links whose visit would end the session the audit may be browsing with, or change an account. */
const LOGOUT_LIKE = /(^|[^a-z])(log[-_]?out|log[-_]?off|sign[-_]?out|sign[-_]?off|end[-_]?session)([^a-z]|$)/i;

/** Pure: the normalized URL if a crawl should follow `link`, else undefined. */
export function crawlableUrl(link: string, siteDomains: ReadonlySet<string>): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!siteDomains.has(registrableDomain(url.hostname))) return undefined;
  const extension = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  if (extension !== undefined && NOT_HTML.has(extension)) return undefined;
  if (LOGOUT_LIKE.test(decodeSafely(url.pathname + url.search))) return undefined;
  return normalizePageUrl(url.href);
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
