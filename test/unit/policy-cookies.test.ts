import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lifetimeSecondsOf } from '../../lib/policy/cookie-lifetime';
import { cookieNameMatches, isOneCookieName } from '../../lib/policy/cookie-name';
import { draftPolicy, type DraftDeclaration } from '../../lib/policy/draft';
import { parsePolicy } from '../../lib/policy/parse';
import { policyTextFormatOf } from '../../lib/policy/text-input';

// Cookies a policy lists by name (lib/policy/cookie-*.ts, draft-cookies.ts, draft-tables.ts).
const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;
const YEAR = 365 * DAY;

describe('declared cookie names and patterns', () => {
  it.each([
    ['_ga', '_ga', true],
    ['_ga', '_gat', false],
    ['_ga_*', '_ga_ABC123', true],
    ['_ga_*', '_ga', false],
    ['_ga*', '_ga', true],
    ['_gat_<property-id>', '_gat_UA-12345-1', true],
    ['_gat_UA-*', '_gat_UA-12345-1', true],
    ['_gat_UA-*', '_gat_gtag_UA_1', false],
    ['__utm*', '__utmz', true],
    ['AMP_TOKEN', 'amp_token', true],
    ['_hjSessionUser_xxxx', '_hjSessionUser_1234567', true],
    ['_pk_id.[site-id].*', '_pk_id.1.5f3a', true],
    ['_pk_id.[site-id].*', '_pk_idx1y5f3a', false],
    ['LPSID-*', 'LPSID-88122', true],
  ])('%s names %s: %s', (declared, observed, matches) => {
    expect(cookieNameMatches(declared, observed)).toBe(matches);
  });

  it('takes one name per entry; a list or a sentence is refused', () => {
    expect(['_ga', '_gat_<property id>', 'AMP_TOKEN', '__Secure-3PSID'].every(isOneCookieName)).toBe(true);
    expect(['_ga, _gid', 'Google Analytics cookies', ' _ga', 'a=b', ''].some(isOneCookieName)).toBe(false);
  });
});

describe('declared lifetimes', () => {
  it.each([
    ['2 years', 2 * YEAR],
    ['24 hours', 24 * HOUR],
    ['1 day', DAY],
    ['13 months', 13 * 30 * DAY],
    ['30 minutes', 30 * MINUTE],
    ['1 year 1 month', YEAR + 30 * DAY],
    ['one year', YEAR],
    ['Up to 2 years', 2 * YEAR],
    ['30 seconds to 1 year', YEAR],
    ['expires after 7 days', 7 * DAY],
    ['Session', null],
    ['When you close your browser', null],
    ['Persistent', undefined],
    ['Varies', undefined],
  ])('%s → %s seconds', (text, seconds) => {
    expect(lifetimeSecondsOf(text)).toBe(seconds);
  });
});

describe('a policy file listing cookies', () => {
  const policy = (cookies: unknown[], technologies = ['cookie']) => ({
    id: 'acme',
    site: { name: 'Acme', firstPartyDomains: ['acme.test'] },
    source: { title: 'Acme cookie policy', url: 'https://acme.test/cookies' },
    declarations: [{ id: 'd1', clause: { section: 'Cookies', quote: '_ga | Google' }, parties: [{ name: 'Google' }], technologies, cookies }],
  });
  const errorOf = (json: unknown) => {
    try {
      parsePolicy(json, 'policy/acme.policy.json');
      return 'no error';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('reads name, provider, purpose and lifetime; "session" is a session cookie', () => {
    const read = parsePolicy(
      policy([{ name: '_ga', provider: 'Google', purpose: 'Counts visitors', lifetime: { maxAgeSeconds: 'session', lifetimeText: 'Session' } }]),
      'policy/acme.policy.json',
    );
    expect(read.declarations[0]!.cookies).toEqual([
      { name: '_ga', provider: 'Google', purpose: 'Counts visitors', lifetime: { maxAgeSeconds: null, lifetimeText: 'Session' } },
    ]);
  });

  it.each([
    [[{ name: '_ga, _gid' }], ['cookie'], 'policy/acme.policy.json: declarations[0].cookies[0].name: "_ga, _gid" is not one cookie name or pattern such as "_ga", "_ga_*" or "_gat_<id>": list each cookie on its own'],
    [[{ name: '_ga' }], ['script'], 'policy/acme.policy.json: declarations[0].technologies: lists cookies by name, so it must include "cookie"'],
    [[{ name: '_ga', lifetime: { maxAgeSeconds: '2 years', lifetimeText: '2 years' } }], ['cookie'], 'policy/acme.policy.json: declarations[0].cookies[0].lifetime.maxAgeSeconds: "2 years" is not a whole number of seconds, null or "session"'],
    [[{ name: '_ga', lifetime: { maxAgeSeconds: -1, lifetimeText: 'x' } }], ['cookie'], 'policy/acme.policy.json: declarations[0].cookies[0].lifetime.maxAgeSeconds: -1 is less than 0'],
    [[{ name: '_ga', lifetime: { maxAgeSeconds: 60 } }], ['cookie'], 'policy/acme.policy.json: declarations[0].cookies[0].lifetime.lifetimeText: is required (string)'],
    [[{ name: '_ga', expiry: '2 years' }], ['cookie'], 'policy/acme.policy.json: declarations[0].cookies[0]: unknown key "expiry"'],
  ])('refuses %j in one line', (cookies, technologies, message) => {
    expect(errorOf(policy(cookies, technologies))).toBe(message);
  });
});

/** The cookie-level declarations of a draft: quote, parties, whose, and each cookie with its lifetime. */
function cookieDeclarations(raw: string, format: 'markdown' | 'html', site = 'harbourline.test') {
  const { policy, plainText } = draftPolicy(raw, format, { site });
  // The quotes must be found where the loader looks: the text as read, and a markdown file itself.
  parsePolicy(policy, 'draft.policy.json', plainText);
  if (format === 'markdown') parsePolicy(policy, 'draft.policy.json', raw);
  return policy.declarations.filter((d) => d.cookies).map((d: DraftDeclaration) => ({
    quote: d.clause.quote,
    parties: d.parties?.map((p) => p.name),
    appliesTo: d.appliesTo,
    cookies: d.cookies!.map((c) => [c.name, c.lifetime?.lifetimeText, c.lifetime?.maxAgeSeconds]),
  }));
}

const fixture = (name: string) => {
  const url = new URL(`../fixtures/policies/${name}`, import.meta.url);
  return { raw: readFileSync(url, 'utf8'), format: policyTextFormatOf(name) as 'markdown' | 'html' };
};

describe('drafting a cookie table (a consent platform’s markdown)', () => {
  const { raw, format } = fixture('harbourline-cookie-table.md');
  const drafted = cookieDeclarations(raw, format);
  const row = (name: string) => drafted.find((d) => d.cookies.some(([n]) => n === name));

  it('makes one declaration per row, the row quoted whole, names exactly as written', () => {
    expect(drafted.flatMap((d) => d.cookies.map(([name]) => name))).toEqual([
      'hb_session', '__cf_bm', 'AWSALB', '_ga', '_ga_<container-id>', '_gid', '_gat_UA-*', '__utm*', 'AMP_TOKEN',
      '_hjSessionUser_xxxx', '_fbp', 'IDE', 'test_cookie', '_pin_unauth',
    ]);
    expect(row('_gid')).toEqual({
      quote: '_gid | Google Analytics | Registers a unique ID for the day | 24 hours',
      parties: ['Google Analytics'],
      appliesTo: 'third-party',
      cookies: [['_gid', '24 hours', DAY]],
    });
  });

  it('keeps names through markdown: bold (**_ga**), escapes (\\_\\_utm*), placeholders (<container-id>)', () => {
    expect(row('_ga')!.quote).toBe('_ga | Google Analytics | Registers a unique ID used to count visitors | 2 years');
    expect(row('__utm*')!.cookies).toEqual([['__utm*', 'Up to 2 years', 2 * YEAR]]);
    expect(row('_ga_<container-id>')!.quote).toContain('_ga_<container-id> | Google Analytics');
  });

  it('pairs two names with two lifetimes; a "Name | Set by | Description | Duration" header works too', () => {
    expect(row('IDE')!.cookies).toEqual([
      ['IDE', '1 year 1 month', YEAR + 30 * DAY],
      ['test_cookie', '15 minutes', 15 * MINUTE],
    ]);
    expect(row('_pin_unauth')!.cookies).toEqual([['_pin_unauth', 'Persistent', undefined]]);
  });

  it('reads the site’s own row as first party, with its session lifetime', () => {
    expect(row('hb_session')).toMatchObject({ parties: [], appliesTo: 'first-party', cookies: [['hb_session', 'Session', null]] });
  });
});

describe('drafting a cookie table in HTML', () => {
  const { raw, format } = fixture('harbourline-cookie-table.html');
  const drafted = cookieDeclarations(raw, format);

  it('reads Name | Domain | Purpose | Max-Age and Name | Provider | Purpose | Expiry tables', () => {
    expect(drafted.map((d) => [d.cookies[0]![0], d.cookies[0]![2], d.parties])).toEqual([
      ['_ga', 2 * YEAR, ['Google Analytics']],
      ['_ga_<container-id>', YEAR + 30 * DAY, ['Google Analytics']],
      ['_gat_UA-xxxxxxx-x', DAY, ['Google Analytics']],
      ['_hjid', 13 * 30 * DAY, ['Hotjar']],
      ['_fbp', 3 * 30 * DAY, ['Meta Platforms', 'Facebook']],
      ['__Secure-3PSID*', undefined, ['Google']],
    ]);
  });
});

describe('drafting the rows the browser’s page reader writes', () => {
  // lib/policy/page-text.ts writes each table row as one line of cells, with no bars around it.
  const pageText = [
    '# Cookie policy',
    '## Cookies we use',
    'Name | Provider | Purpose | Expiry',
    '_ga | Google Analytics | Distinguishes visitors | 2 years',
    '_ga_<container-id> | Google Analytics | Keeps the state of your visit | 2 years',
    '__utmz | Google Analytics | Stores where you came from | 6 months',
    'site_prefs | Harbourline | Remembers your settings | 1 year',
  ].join('\n\n');

  it('reads the header line as the header, not a heading, and every row as cookies', () => {
    expect(cookieDeclarations(pageText, 'markdown').map((d) => [d.cookies[0]![0], d.appliesTo])).toEqual([
      ['_ga', 'third-party'],
      ['_ga_<container-id>', 'third-party'],
      ['__utmz', 'third-party'],
      ['site_prefs', 'first-party'],
    ]);
  });

  it('leaves a lone "Title | Site" line a heading', () => {
    const { policy } = draftPolicy('Privacy Policy | Harbourline\n\nWe use cookies to remember your settings.', 'markdown', { site: 'harbourline.test' });
    expect(policy.declarations[0]!.clause.section).toBe('Privacy Policy | Harbourline');
  });
});
