import { describe, expect, it } from 'vitest';
import { cookieLifetimeView, lifetimePosition } from '../../lib/export/cookie-lifetime-view';
import { consentView, pageMatrix, statusOfPart } from '../../lib/export/report-views';
import type { Finding } from '../../lib/model/finding';
import type { Observation } from '../../lib/model/observation';
import type { Report } from '../../lib/model/report';
import { observation, sampleReport } from './export-fixture';

const DAY = 86_400;
const YEAR = 365 * DAY;

type Consent = Observation['consent'];

/** A report of just these findings and observations, in the given consent states and pages. */
function reportOf(parts: { findings: Finding[]; observations: Observation[]; states?: NonNullable<Consent>[]; pages?: Report['pages'] }): Report {
  return {
    ...sampleReport(),
    settings: parts.states ? { consent: parts.states.map((state) => ({ state, outcome: state === 'none' ? 'not-requested' : 'handled' })) } : undefined,
    pages: parts.pages ?? [{ url: 'https://www.shop.test/', finalUrl: 'https://www.shop.test/' }],
    findings: parts.findings,
    observations: parts.observations,
  };
}

function finding(overrides: Partial<Finding> & Pick<Finding, 'id' | 'subject' | 'status'>): Finding {
  return { domains: [`${overrides.subject.toLowerCase()}.test`], kinds: [], clauseIds: [], observationIds: [], ...overrides };
}

const script = (id: string, consent?: Consent, pageUrl = 'https://www.shop.test/') => observation({ id, consent, pageUrl });
const cookie = (id: string, name: string, lifetimeSeconds: number | null, extra: Partial<Observation> = {}) =>
  observation({ id, kind: 'cookie', name, host: 'doubleclick.net', url: undefined, cookie: { domain: '.doubleclick.net', path: '/', lifetimeSeconds }, ...extra });

// Google: its scripts are disclosed, its cookie is not stated for it.
const google = (ids: string[]) =>
  finding({
    id: 'g',
    subject: 'Google',
    status: 'technology-not-disclosed',
    observationIds: ids,
    coverage: [
      { technology: 'script', status: 'disclosed', clauseIds: ['c1'] },
      { technology: 'cookie', status: 'technology-not-disclosed', clauseIds: ['c1'] },
    ],
  });

describe('statusOfPart', () => {
  const f = google(['s', 'c']);
  it.each([
    ['nothing', [], undefined],
    ['only its script', [script('s')], 'disclosed'],
    ['only its cookie', [cookie('c', 'IDE', YEAR)], 'technology-not-disclosed'],
    ['both', [script('s'), cookie('c', 'IDE', YEAR)], 'technology-not-disclosed'],
    ['a technology coverage does not list (older report)', [observation({ id: 'x', kind: 'storage' })], 'technology-not-disclosed'],
  ] as const)('%s → %s', (_, part, status) => {
    expect(statusOfPart(f, part)).toBe(status);
  });

  it('keeps the one status of a finding without coverage', () => {
    expect(statusOfPart(finding({ id: 'u', subject: 'U', status: 'unreviewed' }), [script('s')])).toBe('unreviewed');
  });
});

describe('consentView', () => {
  const observations = [script('s-none', 'none'), script('s-acc', 'accept'), cookie('c-acc', 'IDE', YEAR, { consent: 'accept' }), script('h-none', 'none')];
  const findings = [
    google(['s-none', 's-acc', 'c-acc']),
    finding({ id: 'h', subject: 'Hotjar', status: 'undisclosed', observationIds: ['h-none'] }),
    finding({ id: 'f', subject: 'shop.test', status: 'first-party', observationIds: [] }),
  ];

  it.each([
    ['no consent settings', undefined],
    ['a single state', ['accept'] as const],
  ])('is undefined for %s', (_, states) => {
    expect(consentView(reportOf({ findings, observations, states: states ? [...states] : undefined }))).toBeUndefined();
  });

  it('gives each third party its status and observations per state, worst party first, first party left out', () => {
    const view = consentView(reportOf({ findings, observations, states: ['none', 'reject', 'accept'] }))!;
    expect(view.states.map((s) => [s.state, s.outcome])).toEqual([['none', 'not-requested'], ['reject', 'handled'], ['accept', 'handled']]);
    expect(view.rows.map((r) => [r.party.subject, r.cells.map((c) => [c.state, c.status ?? 'not seen', c.observations])])).toEqual([
      ['Hotjar', [['none', 'undisclosed', 1], ['reject', 'not seen', 0], ['accept', 'not seen', 0]]],
      ['Google', [['none', 'disclosed', 1], ['reject', 'not seen', 0], ['accept', 'technology-not-disclosed', 2]]],
    ]);
  });

  it('takes the states from the pages when the settings do not say, and reads a missing state as none', () => {
    const pages = [
      { url: 'https://www.shop.test/', finalUrl: 'https://www.shop.test/', consent: 'none' as const },
      { url: 'https://www.shop.test/', finalUrl: 'https://www.shop.test/', consent: 'reject' as const },
    ];
    const view = consentView(reportOf({ findings: [google(['a', 'b'])], observations: [script('a'), script('b', 'reject')], pages }))!;
    expect(view.states.map((s) => s.state)).toEqual(['none', 'reject']);
    expect(view.rows[0]!.cells.map((c) => c.observations)).toEqual([1, 1]);
  });

  it('puts findings of one name in one row with the worse status', () => {
    const two = [
      finding({ id: 'a', subject: 'Google', status: 'disclosed', domains: ['google-analytics.com'], observationIds: ['a'] }),
      finding({ id: 'b', subject: 'Google', status: 'undisclosed', domains: ['doubleclick.net'], observationIds: ['b'] }),
    ];
    const view = consentView(reportOf({ findings: two, observations: [script('a', 'none'), script('b', 'accept')], states: ['none', 'accept'] }))!;
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]!.party).toMatchObject({ subject: 'Google', findingIds: ['a', 'b'], domains: ['google-analytics.com', 'doubleclick.net'], status: 'undisclosed' });
    expect(view.rows[0]!.cells.map((c) => c.status)).toEqual(['disclosed', 'undisclosed']);
  });
});

describe('pageMatrix', () => {
  const page = (n: number, extra: Partial<Report['pages'][number]> = {}) => ({ url: `https://www.shop.test/${n}`, finalUrl: `https://www.shop.test/${n}`, ...extra });

  it('is undefined for a single page', () => {
    expect(pageMatrix(reportOf({ findings: [google(['a'])], observations: [script('a')] }))).toBeUndefined();
  });

  it('marks where each party was seen, with counts, redirects and consent states folded into one row per page', () => {
    const pages = [
      page(1, { consent: 'none' }),
      page(1, { consent: 'accept' }),
      { url: 'https://shop.test/old', finalUrl: 'https://www.shop.test/2', error: 'net::ERR_TIMED_OUT' },
    ];
    const observations = [
      script('g1', 'none', 'https://www.shop.test/1'),
      script('g2', 'accept', 'https://www.shop.test/1'),
      script('g3', undefined, 'https://www.shop.test/2'),
      script('h1', undefined, 'https://shop.test/old'),
      script('x1', undefined, 'https://www.shop.test/later'),
    ];
    const findings = [google(['g1', 'g2', 'g3']), finding({ id: 'h', subject: 'Hotjar', status: 'undisclosed', observationIds: ['h1', 'x1'] })];
    const matrix = pageMatrix(reportOf({ findings, observations, pages }))!;
    expect(matrix.columns.map((c) => [c.subject, c.status, c.pages])).toEqual([['Hotjar', 'undisclosed', 2], ['Google', 'technology-not-disclosed', 2]]);
    expect(matrix.rows.map((r) => [r.url, r.error, r.cells, r.counts, r.thirdParties])).toEqual([
      ['https://www.shop.test/1', undefined, [undefined, 'technology-not-disclosed'], [0, 2], 1],
      ['https://www.shop.test/2', 'net::ERR_TIMED_OUT', ['undisclosed', 'technology-not-disclosed'], [1, 1], 2],
      // Seen on a page the page list does not name: it gets a row of its own.
      ['https://www.shop.test/later', undefined, ['undisclosed', undefined], [1, 0], 1],
    ]);
    expect([matrix.hiddenRows, matrix.hiddenColumns, matrix.totalPages]).toEqual([0, 0, 3]);
  });

  it.each([
    // [pages, parties, limits, shown rows, shown columns, hidden rows, hidden columns]
    [3, 3, { rows: 40, columns: 12 }, 3, 3, 0, 0],
    [50, 3, { rows: 40, columns: 12 }, 40, 3, 10, 0],
    [3, 20, { rows: 40, columns: 12 }, 3, 12, 0, 8],
    [5, 5, { rows: 2, columns: 1 }, 2, 1, 3, 4],
  ])('%i pages × %i parties within %j: %i × %i shown, %i and %i more', (pageCount, partyCount, limits, rows, columns, hiddenRows, hiddenColumns) => {
    const pages = Array.from({ length: pageCount }, (_, i) => page(i));
    // Party p is seen on the first p + 1 pages: the later parties are the more widespread.
    const observations = Array.from({ length: partyCount }, (_, p) => pages.slice(0, p + 1).map((pg, i) => script(`p${p}-${i}`, undefined, pg.url))).flat();
    const findings = Array.from({ length: partyCount }, (_, p) =>
      finding({ id: `p${p}`, subject: `Party ${p}`, status: 'disclosed', observationIds: observations.filter((o) => o.id.startsWith(`p${p}-`)).map((o) => o.id) }),
    );
    const matrix = pageMatrix(reportOf({ findings, observations, pages }), limits)!;
    expect([matrix.rows.length, matrix.columns.length, matrix.hiddenRows, matrix.hiddenColumns]).toEqual([rows, columns, hiddenRows, hiddenColumns]);
    // Same status: the most widespread party comes first, and a row counts the parties it cannot show.
    const spread = matrix.columns.map((c) => c.pages);
    expect(spread).toEqual([...spread].sort((a, b) => b - a));
    expect(spread[0]).toBe(Math.min(pageCount, partyCount));
    expect(matrix.rows[0]!.thirdParties).toBe(partyCount);
  });
});

describe('cookieLifetimeView', () => {
  it('is undefined without cookies', () => {
    expect(cookieLifetimeView(reportOf({ findings: [google(['a'])], observations: [script('a')] }))).toBeUndefined();
  });

  it.each([
    ['the longest of two lifetimes', [30 * DAY, YEAR], YEAR],
    ['a lifetime over a session', [null, DAY], DAY],
    ['a session over a deletion', [0, null], null],
    ['a deletion alone', [-1], -1],
  ] as const)('keeps %s', (_, lifetimes, kept) => {
    const observations = lifetimes.map((l, i) => cookie(`c${i}`, 'IDE', l, { pageUrl: `https://www.shop.test/${i}` }));
    const view = cookieLifetimeView(reportOf({ findings: [google(observations.map((o) => o.id))], observations }))!;
    expect(view.rows.map((r) => [r.name, r.domain, r.lifetimeSeconds])).toEqual([['IDE', 'doubleclick.net', kept]]);
  });

  it('lists cookies that outlive their declared lifetime first, then the longest-lived, with the declaration', () => {
    const observations = [cookie('a', '_gid', 30 * DAY), cookie('b', 'IDE', YEAR), cookie('c', 'sess', null), cookie('d', '_gat', 60)];
    const f = google(['a', 'b', 'c', 'd']);
    f.cookieLifetimes = [{ name: '_gid', observedSeconds: 30 * DAY, declaredSeconds: DAY, declaredText: '24 hours', clauseId: 'd5' }];
    const view = cookieLifetimeView(reportOf({ findings: [f], observations }))!;
    expect(view.rows.map((r) => [r.name, r.lifetimeSeconds, r.declared])).toEqual([
      ['_gid', 30 * DAY, { seconds: DAY, text: '24 hours', clauseId: 'd5' }],
      ['IDE', YEAR, undefined],
      ['_gat', 60, undefined],
      ['sess', null, undefined],
    ]);
    expect(view.rows[0]).toMatchObject({ party: 'Google', findingId: 'g', status: 'technology-not-disclosed' });
    expect(view.outlived).toBe(1);
    expect(view.maxSeconds).toBe(YEAR);
    expect(view.ticks.map((t) => t.label)).toEqual(['1 min', '1 h', '1 d', '1 wk', '30 d', '1 y']);
  });

  it.each([
    [400 * DAY, 5 * YEAR, '5 y'],
    [7 * YEAR, 10 * YEAR, '10 y'],
    [9999 * YEAR, 9999 * YEAR, '9999 y'],
  ])('ends the scale past a lifetime of %i s at %i s (%s)', (lifetime, max, label) => {
    const view = cookieLifetimeView(reportOf({ findings: [google(['a'])], observations: [cookie('a', 'IDE', lifetime)] }))!;
    expect(view.maxSeconds).toBe(max);
    expect(view.ticks.at(-1)!.label).toBe(label);
  });

  it('caps the rows and counts the rest', () => {
    const observations = Array.from({ length: 5 }, (_, i) => cookie(`c${i}`, `k${i}`, (i + 1) * DAY));
    const view = cookieLifetimeView(reportOf({ findings: [google(observations.map((o) => o.id))], observations }), 2)!;
    expect(view.rows.map((r) => r.name)).toEqual(['k4', 'k3']);
    expect(view.hiddenRows).toBe(3);
  });
});

describe('lifetimePosition', () => {
  it.each([
    [null, 0],
    [-1, 0],
    [30, 0],
    [60, 0],
    [YEAR, 1],
    [2 * YEAR, 1],
    [3_600, Math.log(60) / Math.log(YEAR / 60)],
  ])('puts %s s at %d on a scale to a year', (seconds, position) => {
    expect(lifetimePosition(seconds, YEAR)).toBeCloseTo(position, 6);
  });
});
