import { describe, expect, it } from 'vitest';
import { CrawlFrontier, crawlableUrl, normalizePageUrl } from '../../lib/headless/crawl';

const SITE = new Set(['inbenta.com']);

describe('crawlableUrl', () => {
  it.each([
    ['https://www.inbenta.com/en/products/', 'https://www.inbenta.com/en/products/'],
    ['https://www.inbenta.com/en/#team', 'https://www.inbenta.com/en/'],
    ['http://blog.inbenta.com/post?id=3', 'http://blog.inbenta.com/post?id=3'],
    ['https://www.inbenta.com/blog-outreach/', 'https://www.inbenta.com/blog-outreach/'],
    ['https://www.inbenta.com/catalog/outdoor', 'https://www.inbenta.com/catalog/outdoor'],
    ['https://www.inbenta.com/en/page.html', 'https://www.inbenta.com/en/page.html'],
  ])('follows %s', (link, expected) => {
    expect(crawlableUrl(link, SITE)).toBe(expected);
  });

  it.each([
    ['another site', 'https://www.example.org/'],
    ['a look-alike domain', 'https://inbenta.com.evil.example/'],
    ['a PDF', 'https://www.inbenta.com/brochure.PDF'],
    ['an image', 'https://www.inbenta.com/logo.png?v=2'],
    ['an archive', 'https://www.inbenta.com/download/sdk.zip'],
    ['a logout link', 'https://www.inbenta.com/logout'],
    ['a sign-out link', 'https://www.inbenta.com/account/sign-out?next=/'],
    ['a log_off link', 'https://www.inbenta.com/user/log_off'],
    ['a logout action', 'https://www.inbenta.com/en/?action=logout'],
    ['an encoded signout', 'https://www.inbenta.com/%73ignout'],
    ['mail', 'mailto:sales@inbenta.com'],
    ['script', 'javascript:void(0)'],
    ['telephone', 'tel:+34123'],
    ['not a URL', 'http://'],
  ])('skips %s', (_what, link) => {
    expect(crawlableUrl(link, SITE)).toBeUndefined();
  });
});

describe('CrawlFrontier', () => {
  /** A small site: each page's links. */
  const SITE_LINKS: Record<string, string[]> = {
    'https://www.inbenta.com/': ['https://www.inbenta.com/a/', 'https://www.inbenta.com/b/', 'https://www.example.org/'],
    'https://www.inbenta.com/a/': ['https://www.inbenta.com/a/1/', 'https://www.inbenta.com/', 'https://www.inbenta.com/b/#x'],
    'https://www.inbenta.com/b/': ['https://www.inbenta.com/b/1/', 'https://www.inbenta.com/logout'],
    'https://www.inbenta.com/a/1/': ['https://www.inbenta.com/a/1/deep/'],
  };

  function crawl(frontier: CrawlFrontier): string[] {
    const visited: string[] = [];
    for (let url = frontier.next(); url !== undefined; url = frontier.next()) {
      visited.push(url);
      frontier.markVisited(url);
      frontier.addLinks(SITE_LINKS[url] ?? []);
    }
    return visited;
  }

  it('visits breadth-first, each page once, within the page budget', () => {
    expect(crawl(new CrawlFrontier(['https://www.inbenta.com/'], 4))).toEqual([
      'https://www.inbenta.com/',
      'https://www.inbenta.com/a/',
      'https://www.inbenta.com/b/',
      'https://www.inbenta.com/a/1/',
    ]);
    expect(crawl(new CrawlFrontier(['https://www.inbenta.com/'], 100))).toHaveLength(6);
  });

  it('visits only the start URLs without a page budget', () => {
    expect(crawl(new CrawlFrontier(['https://www.inbenta.com/b/', 'https://www.inbenta.com/#top', 'https://www.inbenta.com/']))).toEqual([
      'https://www.inbenta.com/b/',
      'https://www.inbenta.com/',
    ]);
  });

  it('does not queue again a page a redirect already led to', () => {
    const frontier = new CrawlFrontier(['https://www.inbenta.com/old'], 10);
    expect(frontier.next()).toBe('https://www.inbenta.com/old');
    frontier.markVisited('https://www.inbenta.com/new');
    frontier.addLinks(['https://www.inbenta.com/new', 'https://www.inbenta.com/other']);
    expect(frontier.next()).toBe('https://www.inbenta.com/other');
  });

  it('tells the expected total as links are found, never above the budget', () => {
    const frontier = new CrawlFrontier(['https://www.inbenta.com/'], 3);
    expect(frontier.expectedTotal()).toBe(1);
    frontier.next();
    frontier.addLinks(SITE_LINKS['https://www.inbenta.com/']!);
    expect(frontier.expectedTotal()).toBe(3);
    frontier.addLinks(['https://www.inbenta.com/c/', 'https://www.inbenta.com/d/']);
    expect(frontier.expectedTotal()).toBe(3);
  });

  it('keeps queries: they can be different pages', () => {
    expect(normalizePageUrl('https://www.inbenta.com/search?q=a#results')).toBe('https://www.inbenta.com/search?q=a');
  });
});
