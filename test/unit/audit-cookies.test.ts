import { describe, expect, it } from 'vitest';
import { audit } from '../../lib/audit/audit';
import { outlivesDeclaredLifetime } from '../../lib/audit/cookie-listings';
import { buildReport } from '../../lib/audit/build-report';
import { Finding } from '../../lib/model/finding';
import type { Observation } from '../../lib/model/observation';
import { Policy } from '../../lib/policy/schema';
import { tableClassifier, type KnownHost } from './classify-table';

const DAY = 86_400;
const YEAR = 365 * DAY;

const row = (id: string, quote: string, fields: object) => ({ id, clause: { section: 'Cookies we use', quote }, technologies: ['cookie'], ...fields });
const cookie = (name: string, provider: string, lifetimeText: string, maxAgeSeconds: number | null) => ({
  name,
  provider,
  lifetime: { lifetimeText, maxAgeSeconds },
});
const google = { name: 'Google', domains: ['google-analytics.com', 'googletagmanager.com'] };

/** Brightmoor's cookie table, row by row, as the policy writes it. */
const brightmoor = Policy.parse({
  id: 'brightmoor',
  site: { name: 'Brightmoor', firstPartyDomains: ['brightmoor.test'] },
  source: { title: 'Brightmoor cookie policy', url: 'https://brightmoor.test/cookies' },
  declarations: [
    { id: 'd1', clause: { section: 'Cookies', quote: 'We use cookies to keep you signed in' }, technologies: ['cookie'], appliesTo: 'first-party' },
    row('d2', 'bm_session | Brightmoor | Keeps you signed in | Session', { appliesTo: 'first-party', cookies: [cookie('bm_session', 'Brightmoor', 'Session', null)] }),
    row('d3', '_ga | Google Analytics | Distinguishes visitors | 2 years', { parties: [google], cookies: [cookie('_ga', 'Google Analytics', '2 years', 2 * YEAR)] }),
    row('d4', '_ga_* | Google Analytics | Keeps the session state | 2 years', { parties: [google], cookies: [cookie('_ga_*', 'Google Analytics', '2 years', 2 * YEAR)] }),
    row('d5', '_gid | Google Analytics | Distinguishes visitors | 24 hours', { parties: [google], cookies: [cookie('_gid', 'Google Analytics', '24 hours', DAY)] }),
    row('d6', '_gat_UA-<id> | Google Analytics | Throttles requests | 1 minute', { parties: [google], cookies: [cookie('_gat_UA-<id>', 'Google Analytics', '1 minute', 60)] }),
    row('d7', '_hjid | Hotjar | Identifies you across Hotjar sessions | 1 year', { parties: [{ name: 'Hotjar' }], cookies: [cookie('_hjid', 'Hotjar', '1 year', YEAR)] }),
    row('d8', 'ad_id | Advertising partners | Measures our adverts | 13 months', { categories: ['advertising-partners'], cookies: [cookie('ad_id', 'Advertising partners', '13 months', 390 * DAY)] }),
  ],
});

const KNOWN: Record<string, KnownHost> = {
  'google-analytics.com': { organization: 'Google', category: 'analytics' },
  'doubleclick.net': { organization: 'Google', category: 'advertising' },
  'adnet.example': { organization: 'AdNet', category: 'advertising' },
  'hotjar.com': { organization: 'Hotjar', category: 'analytics' },
};
const attribute = tableClassifier(KNOWN, ['brightmoor.test'], brightmoor);

let nextId = 0;
/** A cookie observed on Brightmoor's home page; `writer` is the script that wrote it from the page. */
function cookieSet(name: string, host: string, lifetimeSeconds: number | null, writer?: string): Observation {
  return {
    id: `o${++nextId}`,
    kind: 'cookie',
    pageUrl: 'https://www.brightmoor.test/',
    host,
    name,
    party: host.endsWith('brightmoor.test') ? 'first' : 'third',
    time: 0,
    source: 'network',
    via: writer ? ['js'] : ['http'],
    ...(writer ? { url: writer } : {}),
    cookie: { domain: host, path: '/', lifetimeSeconds },
  };
}
const GA_SCRIPT = 'https://www.google-analytics.com/analytics.js';

interface Row {
  says: string;
  observations: Observation[];
  expected: Partial<Finding>;
  /** The finding carries no lifetime flag unless this says which. */
  lifetimes?: Finding['cookieLifetimes'];
  /** No cookie of the finding is listed by name. */
  unlisted?: true;
}

const rows: Row[] = [
  {
    says: '_ga_* declared for Google Analytics, 2 years; _ga_ABC123 set for 2 years by Google’s script → disclosed by d4',
    observations: [cookieSet('_ga_ABC123', 'www.brightmoor.test', 2 * YEAR, GA_SCRIPT)],
    expected: { id: 'disclosed:org:google', status: 'disclosed', clauseIds: ['d4'], listedCookies: [{ name: '_ga_ABC123', listedAs: '_ga_*', clauseId: 'd4' }] },
  },
  {
    says: '_ga in the site’s own jar, written by Google’s script → Google’s cookie, disclosed by d3 (not the site’s)',
    observations: [cookieSet('_ga', 'www.brightmoor.test', 2 * YEAR, GA_SCRIPT)],
    expected: { id: 'disclosed:org:google', clauseIds: ['d3'], domains: ['google-analytics.com'] },
  },
  {
    says: '_gid declared 24 hours, set for 30 days → disclosed by d5, flagged with both lifetimes',
    observations: [cookieSet('_gid', 'www.brightmoor.test', 30 * DAY, GA_SCRIPT)],
    expected: { status: 'disclosed', clauseIds: ['d5'] },
    lifetimes: [{ name: '_gid', observedSeconds: 30 * DAY, declaredSeconds: DAY, declaredText: '24 hours', clauseId: 'd5' }],
  },
  {
    says: '_gid declared 24 hours, set for 24 hours and an hour → within a day’s tolerance, not flagged',
    observations: [cookieSet('_gid', 'www.brightmoor.test', DAY + 3_600, GA_SCRIPT)],
    expected: { status: 'disclosed', clauseIds: ['d5'] },
  },
  {
    says: '_gat_UA-<id> declared 1 minute; _gat_UA-12345-1 set for a minute → disclosed by d6',
    observations: [cookieSet('_gat_UA-12345-1', 'www.brightmoor.test', 60, GA_SCRIPT)],
    expected: { clauseIds: ['d6'], listedCookies: [{ name: '_gat_UA-12345-1', listedAs: '_gat_UA-<id>', clauseId: 'd6' }] },
  },
  {
    says: 'a Google cookie the table does not list (NID) → judged by the clauses naming Google, no listing',
    observations: [cookieSet('NID', 'google-analytics.com', 180 * DAY)],
    expected: { status: 'disclosed', clauseIds: ['d3', 'd4', 'd5', 'd6'] },
    unlisted: true,
  },
  {
    says: '_hjid is listed for Hotjar only: set by Google’s script it is Google’s, and no Google row lists it',
    observations: [cookieSet('_hjid', 'www.brightmoor.test', YEAR, GA_SCRIPT)],
    expected: { id: 'disclosed:org:google' },
    unlisted: true,
  },
  {
    says: 'ad_id listed for advertising partners; AdNet, an advertising tracker, sets it for a year → disclosed-by-category, d8',
    observations: [cookieSet('ad_id', 'adnet.example', YEAR)],
    expected: { id: 'disclosed-by-category:org:adnet', status: 'disclosed-by-category', clauseIds: ['d8'] },
  },
  {
    says: 'ad_id listed only for advertising partners, set by doubleclick.net: Google is named for cookies → disclosed, its row d8 cited with the clauses naming Google',
    observations: [cookieSet('ad_id', 'ad.doubleclick.net', YEAR)],
    expected: { id: 'disclosed:org:google', status: 'disclosed', clauseIds: ['d3', 'd4', 'd5', 'd6', 'd8'], listedCookies: [{ name: 'ad_id', listedAs: 'ad_id', clauseId: 'd8' }] },
  },
  {
    says: 'bm_session declared Session, set as a session cookie → first party, citing its row d2 and d1',
    observations: [cookieSet('bm_session', 'www.brightmoor.test', null)],
    expected: { id: 'first-party:brightmoor.test', status: 'first-party', clauseIds: ['d1', 'd2'] },
  },
  {
    says: 'bm_session declared Session, set for a year → first party, flagged against "Session"',
    observations: [cookieSet('bm_session', 'www.brightmoor.test', YEAR)],
    expected: { status: 'first-party', clauseIds: ['d1', 'd2'] },
    lifetimes: [{ name: 'bm_session', observedSeconds: YEAR, declaredSeconds: null, declaredText: 'Session', clauseId: 'd2' }],
  },
  {
    says: '_ga set by the site’s own server (Set-Cookie) is the site’s: the Google row does not list it for the site',
    observations: [cookieSet('_ga', 'www.brightmoor.test', 2 * YEAR)],
    expected: { id: 'first-party:brightmoor.test', clauseIds: ['d1'] },
    unlisted: true,
  },
];

describe('cookies listed by name, as Brightmoor’s cookie table reads', () => {
  it.each(rows.map((r) => [r.says, r] as const))('%s', (_says, row) => {
    const { findings } = audit({ observations: row.observations, policy: brightmoor, attribute });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject(row.expected);
    if (row.unlisted) expect(findings[0]!.listedCookies).toBeUndefined();
    expect(findings[0]!.cookieLifetimes).toEqual(row.lifetimes);
    expect(Finding.safeParse(findings[0]).success).toBe(true);
  });
});

describe('cookies listed but never set', () => {
  const observations = [
    cookieSet('_ga', 'www.brightmoor.test', 2 * YEAR, GA_SCRIPT),
    cookieSet('_gid', 'www.brightmoor.test', DAY, GA_SCRIPT),
    cookieSet('bm_session', 'www.brightmoor.test', null),
  ];

  it('lists _hjid (declared, never set) and the other unmatched rows as never observed, in policy order', () => {
    const { unobservedCookies } = audit({ observations, policy: brightmoor, attribute });
    expect(unobservedCookies).toEqual([
      { name: '_ga_*', declarationId: 'd4', provider: 'Google Analytics' },
      { name: '_gat_UA-<id>', declarationId: 'd6', provider: 'Google Analytics' },
      { name: '_hjid', declarationId: 'd7', provider: 'Hotjar' },
      { name: 'ad_id', declarationId: 'd8', provider: 'Advertising partners' },
    ]);
  });

  it('puts them in the report, which validates against the report schema', () => {
    const report = buildReport({
      tool: { name: 'test', version: '0' },
      startedAt: 0,
      finishedAt: 1,
      observations,
      policy: { policy: brightmoor },
      sources: { trackerDb: false },
    });
    expect(report.unobservedCookies?.map((c) => c.name)).toContain('_hjid');
    expect(report.findings.find((f) => f.subject === 'Google')?.listedCookies?.map((c) => c.clauseId)).toEqual(['d3', 'd5']);
  });
});

describe('the lifetime tolerance: 10% of the declared lifetime or a day, whichever is longer', () => {
  it.each([
    ['declared 24 hours, set for 30 days', 30 * DAY, DAY, true],
    ['declared 24 hours, set for 47 hours', 47 * 3_600, DAY, false],
    ['declared 2 years, set for 2 years and 60 days (within 73 days)', 2 * YEAR + 60 * DAY, 2 * YEAR, false],
    ['declared 2 years, set for 2 years and 80 days', 2 * YEAR + 80 * DAY, 2 * YEAR, true],
    ['declared Session, set for 30 minutes', 1_800, null, false],
    ['declared Session, set for 2 days', 2 * DAY, null, true],
    ['declared 1 minute, set as a session cookie', null, 60, false],
    ['declared 1 minute, deleted (set already expired)', -1, 60, false],
  ] as const)('%s → %s', (_says, observed, declared, flagged) => {
    expect(outlivesDeclaredLifetime(observed, declared)).toBe(flagged);
  });
});
