import { describe, expect, it } from 'vitest';
import { draftDeclarations, draftPolicy, DraftError } from '../../lib/policy/draft';
import { effectiveDateOf, siteDomainOf } from '../../lib/policy/draft-source';
import { readPolicyText } from '../../lib/policy/text-input';

// One rule per case, on texts small enough to read in the test.
const draft = (markdown: string, siteName = 'acme') => draftDeclarations(readPolicyText(markdown, 'markdown'), { siteName });

describe('draft rules', () => {
  it('cuts a long sentence to the clauses that carry the evidence', () => {
    const long =
      'We care about your privacy and describe here, in plain words, how long we keep your account data, how you can ' +
      'reach our support team and what happens when you close your account; our analytics providers set cookies to ' +
      'count visits; and none of this changes your rights under the law of the country where you live and work.';
    expect(long.length).toBeGreaterThan(240);
    expect(draft(long)).toEqual([
      expect.objectContaining({
        clause: { section: 'Introduction', quote: 'our analytics providers set cookies to count visits' },
        categories: ['analytics-providers'],
      }),
    ]);
  });

  it('reads "we and our partners" and "by Acme and its partners" as the site too', () => {
    expect(draft('We and our advertising partners use cookies.')[0]).toMatchObject({ appliesTo: 'both' });
    expect(draft('Pixels are used by Acme Corp. and its advertising partners.')[0]).toMatchObject({ appliesTo: 'both' });
    expect(draft('Our advertising partners use cookies.')[0]).toMatchObject({ appliesTo: 'third-party' });
  });

  it('names the kind of unnamed third parties from the heading, the sentence, or not at all', () => {
    expect(draft('## Analytics\n\nThird parties set cookies on our pages.')[0]).toMatchObject({ categories: ['analytics-providers'] });
    expect(draft('Third parties set cookies to show you ads.')[0]).toMatchObject({ categories: ['advertising-partners'] });
    const unknown = draft('Third parties set cookies on our pages.')[0]!;
    expect(unknown.categories).toEqual(['service-providers']);
    expect(unknown.note).toBe('draft: review; unnamed third parties of no stated kind, read as service-providers');
  });

  it('skips definitions, denials and choices; keeps what the site itself does', () => {
    expect(draft('Cookies are small text files. We never use Flash. You can disable cookies in your browser.')).toEqual([]);
    expect(draft('Our website uses local storage to keep your cart.')).toEqual([
      expect.objectContaining({ technologies: ['local-storage'], appliesTo: 'first-party', parties: [], categories: [] }),
    ]);
  });

  it('keeps a visitor choice that names a party: it still says the party is there', () => {
    expect(draft('You can opt out of Google Analytics cookies with the Google add-on.')[0]).toMatchObject({
      parties: [expect.objectContaining({ name: 'Google Analytics' }), expect.objectContaining({ name: 'Google' })],
      technologies: ['cookie'],
    });
  });

  it('takes technologies from the nearest tracking sentence, the earlier one on a tie', () => {
    const declarations = draft('We set cookies. We work with Mixpanel. Our pages log your IP address.');
    expect(declarations.map((d) => d.technologies)).toEqual([['cookie'], ['cookie'], ['log-data']]);
    expect(declarations[1]).toMatchObject({ parties: [{ name: 'Mixpanel' }], appliesTo: 'third-party' });
    expect(declarations[1]!.note).toContain('nearest tracking sentence in this section ("We set cookies.")');
  });

  it('keeps one declaration per distinct reading in a section, preferring a sentence that names its technology', () => {
    const declarations = draft('## Ads\n\nWe partner with advertisers. Advertisers may set cookies. Advertisers may set cookies on other sites.');
    expect(declarations.map((d) => d.clause.quote)).toEqual(['Advertisers may set cookies.']);
  });
});

describe('draft source fields', () => {
  it.each([
    ['Last updated: March 3, 2024', '2024-03-03'],
    ['Effective date: 3 March 2024', '2024-03-03'],
    ['Updated on 2024-03-03.', '2024-03-03'],
    ['Effective Date: 02/04/2015', undefined],
    ['Effective date: February 30, 2024', undefined],
  ])('%s → %s', (line, date) => {
    expect(effectiveDateOf(readPolicyText(line, 'text'))).toBe(date);
  });

  it('reduces --site to the registrable domain and refuses what is not a domain', () => {
    expect(siteDomainOf('https://www.Shop.co.uk/privacy?x=1')).toBe('shop.co.uk');
    expect(siteDomainOf('inbenta.com.')).toBe('inbenta.com');
    expect(siteDomainOf('localhost')).toBeUndefined();
    expect(siteDomainOf('two words.com')).toBeUndefined();
    expect(() => draftPolicy('We use cookies.', 'text', { site: 'no' })).toThrow(DraftError);
  });

  it('drafts from plain text', () => {
    const { policy } = draftPolicy('COOKIES\n\nWe and Hotjar use cookies.\n', 'text', { site: 'acme.example' });
    expect(policy).toMatchObject({
      id: 'acme-example',
      source: { title: 'Privacy policy of acme.example', url: 'https://acme.example/privacy' },
      declarations: [{ id: 'd1', clause: { section: 'COOKIES' }, parties: [{ name: 'Hotjar' }], technologies: ['cookie'], appliesTo: 'both' }],
    });
  });
});
