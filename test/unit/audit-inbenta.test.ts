import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audit } from '../../lib/audit/audit';
import { tableClassifier, type KnownHost } from './classify-table';
import { policyCategoriesFor } from '../../lib/audit/categories';
import type { FindingStatus } from '../../lib/model/finding';
import type { Observation } from '../../lib/model/observation';
import { parsePolicy } from '../../lib/policy/parse';
import { technologyOf } from '../../lib/policy/technology';

const policy = parsePolicy(
  JSON.parse(readFileSync(new URL('../../policy/inbenta.policy.json', import.meta.url), 'utf8')),
  'policy/inbenta.policy.json',
);

/** Roughly what lib/classify says about these hosts (categories as in lib/classify/category.ts). */
const KNOWN: Record<string, KnownHost> = {
  'google-analytics.com': { organization: 'Google', category: 'analytics' },
  'doubleclick.net': { organization: 'Google', category: 'advertising' },
  'googleapis.com': { organization: 'Google', category: 'cdn' },
  'facebook.net': { organization: 'Meta', category: 'social-media' },
  'facebook.com': { organization: 'Meta', category: 'social-media' },
  'twitter.com': { organization: 'X Corp.', category: 'social-media' },
  'sharethis.com': { organization: 'ShareThis, Inc.', category: 'advertising' },
  'truste.com': { organization: 'TrustArc', category: 'consent' },
  'trustarc.com': { organization: 'TrustArc', category: 'consent' },
  'actonsoftware.com': { organization: 'Act-On', category: 'marketing' },
  'hotjar.com': { organization: 'Hotjar', category: 'analytics' },
  'jsdelivr.net': { organization: 'jsDelivr', category: 'cdn' },
  'adnxs.com': { organization: 'Microsoft', category: 'advertising' },
  'vimeo.com': { organization: 'Vimeo', category: 'audio-video' },
};
const attribute = tableClassifier(KNOWN, ['inbenta.com'], policy);

let nextId = 0;
function seen(kind: Observation['kind'], host: string, resourceType?: string): Observation {
  return {
    id: `o${++nextId}`,
    kind,
    pageUrl: 'https://www.inbenta.com/en/',
    host,
    party: host.endsWith('inbenta.com') ? 'first' : 'third',
    time: 0,
    source: 'network',
    ...(resourceType ? { resourceType } : {}),
  };
}

/** A visit to www.inbenta.com, and what the 2015 policy says about each thing seen. */
const visit: [Observation, FindingStatus, string[], string][] = [
  [seen('cookie', 'www.inbenta.com'), 'first-party', ['c1', 'c2'], 'its own cookies: c2, and c1 covers Inbenta too'],
  [seen('storage', 'backstage.inbenta.com'), 'first-party', ['c3'], 'its own local storage: "LSOs such as Flash"'],
  [seen('request', 'www.inbenta.com', 'main_frame'), 'first-party', ['c5'], 'its own log files'],
  [seen('request', 'www.google-analytics.com', 'script'), 'disclosed', ['c1'], 'Google named for scripts'],
  [seen('beacon', 'stats.g.doubleclick.net'), 'disclosed', ['c1'], 'Google named for beacons'],
  [seen('request', 'fonts.googleapis.com', 'stylesheet'), 'disclosed', ['c1'], 'a Google font: log data Google already gets'],
  [seen('request', 'ci.actonsoftware.com', 'script'), 'disclosed', ['c1'], 'Act-On named for scripts'],
  [seen('request', 'connect.facebook.net', 'script'), 'disclosed', ['c8'], 'the Facebook button'],
  [seen('cookie', 'facebook.com'), 'disclosed', ['c9'], 'Social Media Features "may set a cookie"'],
  [seen('beacon', 'www.facebook.com'), 'disclosed', ['c1'], 'the Facebook pixel: named for buttons, and c1 states beacons for "our partners" in general'],
  [seen('request', 'platform.twitter.com', 'sub_frame'), 'disclosed', ['c8'], 'the Twitter widget'],
  [seen('request', 'w.sharethis.com', 'script'), 'disclosed', ['c8'], 'the ShareThis button'],
  [seen('request', 'privacy-policy.truste.com', 'image'), 'disclosed', ['c10'], 'the TRUSTe seal image'],
  [seen('request', 'static.hotjar.com', 'script'), 'disclosed-by-category', ['c1'], '"analytics ... providers" use scripts'],
  [seen('storage', 'www.hotjar.com'), 'undisclosed', [], 'no clause lets analytics providers store data locally'],
  [seen('request', 'cdn.jsdelivr.net', 'font'), 'disclosed-by-category', ['c1', 'c11'], 'a CDN is a service provider'],
  [seen('request', 'ib.adnxs.com', 'sub_frame'), 'disclosed-by-category', ['c6'], 'the advertising partner displays ads'],
  [seen('cookie', 'adnxs.com'), 'disclosed-by-category', ['c7'], 'the advertising partner "may use ... cookies"'],
  [seen('flash', 'player.vimeo.com'), 'disclosed-by-category', ['c4'], 'partners providing features use Flash LSOs'],
  [seen('request', 'tracker.unknown.example', 'script'), 'undisclosed', [], 'a host nobody knows'],
];

describe('auditing a visit to www.inbenta.com against its 2015 policy', () => {
  const result = audit({ observations: visit.map(([o]) => o), policy, attribute });

  it.each(visit.map(([o, status, clauses, why]) => [`${o.kind} ${o.host}`, status, clauses, why, o.id] as const))(
    '%s → %s %j (%s)',
    (_what, status, clauses, _why, observationId) => {
      const observation = visit.find(([o]) => o.id === observationId)![0];
      const finding = result.findings.find((f) => f.observationIds.includes(observationId))!;
      // A third party's verdict for this technology; the site's own findings have one status.
      const coverage = finding.coverage?.find((c) => c.technology === technologyOf(observation)) ?? finding;
      expect(coverage.status).toBe(status);
      expect(coverage.clauseIds).toEqual(expect.arrayContaining(clauses));
    },
  );

  it('gives each party one verdict, the worst of its technologies', () => {
    const hotjar = result.findings.filter((f) => f.organization === 'Hotjar');
    expect(hotjar.map((f) => [f.status, f.coverage?.map((c) => [c.technology, c.status])])).toEqual([
      ['undisclosed', [['script', 'disclosed-by-category'], ['local-storage', 'undisclosed']]],
    ]);
  });

  it('proposes naming Hotjar for local storage', () => {
    expect(result.findings.find((f) => f.id === 'undisclosed:org:hotjar')?.proposedDeclaration).toEqual({
      parties: [{ name: 'Hotjar', domains: ['hotjar.com'], organization: 'Hotjar' }],
      technologies: ['local-storage'],
    });
  });

  it('names findings as the policy does, with the organization behind the name when it differs', () => {
    const subjects = new Set(result.findings.map((f) => f.subject));
    expect([...subjects]).toEqual(
      expect.arrayContaining(['Google', 'Facebook (Meta)', 'Twitter (X Corp.)', 'ShareThis', 'TRUSTe (TrustArc)', 'Act-On']),
    );
    expect(result.findings.find((f) => f.subject === 'TRUSTe (TrustArc)')?.organization).toBe('TrustArc');
  });

  it('cites every declaration of the policy at least once in this visit', () => {
    expect(result.unmatchedDeclarations).toEqual([]);
  });

  it('flags the clauses a quieter visit never exercised', () => {
    const quiet = audit({ observations: [seen('request', 'www.inbenta.com', 'main_frame')], policy, attribute });
    expect(quiet.unmatchedDeclarations.map((d) => d.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11']);
  });
});

describe('tracker categories → policy wording', () => {
  it.each([
    ['advertising', ['advertising-partners']],
    ['analytics', ['analytics-providers']],
    ['analytics', ['analytics-providers']],
    ['marketing', ['analytics-providers', 'service-providers']],
    ['social-media', ['social-media-features']],
    ['customer-interaction', ['feature-partners', 'service-providers', 'customer-support']],
    ['tag-manager', ['service-providers']],
    ['cdn', ['service-providers', 'hosting-providers']],
    ['hosting', ['service-providers', 'hosting-providers']],
    ['essential', ['service-providers', 'payment-processors']],
    ['misc', []],
    // Names of other databases are mapped by lib/classify before the audit sees them.
    ['site_analytics', []],
    [undefined, []],
  ])('%s → %j', (category, expected) => {
    expect(policyCategoriesFor(category)).toEqual(expected);
  });
});
