import { REPORT_SCHEMA_VERSION, type Report } from '../../lib/model/report';
import type { Observation } from '../../lib/model/observation';

/*
 * A small but complete report for the export tests: every finding status, every observation kind,
 * policy quotes, an unmatched declaration, and a page that failed to load.
 */

export function observation(overrides: Partial<Observation> & Pick<Observation, 'id'>): Observation {
  return {
    kind: 'request',
    pageUrl: 'https://www.shop.test/',
    url: 'https://www.google-analytics.com/analytics.js',
    host: 'www.google-analytics.com',
    resourceType: 'script',
    party: 'third',
    time: Date.UTC(2026, 0, 1, 12, 0, 1),
    source: 'network',
    ...overrides,
  };
}

export function sampleReport(): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'Policy vs. Trackers Auditor', version: '0.1.0' },
    startedAt: '2026-01-01T12:00:00.000Z',
    finishedAt: '2026-01-01T12:01:30.000Z',
    settings: { thirdPartyCookies: 'allowed', browser: 'Chromium 140' },
    policy: { id: 'shop', file: 'policy/shop.policy.json', title: 'Shop privacy policy (2025)' },
    pages: [
      { url: 'https://www.shop.test/', finalUrl: 'https://www.shop.test/' },
      { url: 'https://shop.test/cart', finalUrl: 'https://www.shop.test/cart', error: 'net::ERR_TIMED_OUT' },
    ],
    observations: [
      observation({ id: 'o1' }),
      observation({
        id: 'o2',
        kind: 'cookie',
        url: undefined,
        host: 'doubleclick.net',
        name: 'IDE',
        via: ['http'],
        cookie: { domain: '.doubleclick.net', path: '/', lifetimeSeconds: 34_214_400, secure: true, httpOnly: true, sameSite: 'no_restriction' },
      }),
      observation({
        id: 'o3',
        kind: 'storage',
        url: undefined,
        host: 'cdn.hotjar.test',
        name: '_hjSession',
        source: 'page-hook',
        storage: { area: 'localStorage', origin: 'https://www.shop.test', key: '_hjSession', valueSize: 120 },
      }),
      observation({
        id: 'o4',
        kind: 'beacon',
        pageUrl: 'https://www.shop.test/cart',
        url: 'https://px.ads.test/collect?e=view',
        host: 'px.ads.test',
        resourceType: 'ping',
        via: ['send-beacon'],
        reason: 'navigator.sendBeacon',
      }),
      observation({ id: 'o5', kind: 'request', host: 'static.shop.test', url: 'https://static.shop.test/app.js', party: 'first' }),
    ],
    findings: [
      finding({ id: 'f-disclosed', subject: 'Google', organization: 'Google LLC', domains: ['google-analytics.com'], category: 'Analytics', kinds: ['request'], status: 'disclosed', clauseIds: ['c1'], observationIds: ['o1'] }),
      finding({ id: 'f-undisclosed', subject: 'ads.test', domains: ['ads.test'], category: 'Advertising', kinds: ['beacon'], status: 'undisclosed', observationIds: ['o4'] }),
      finding({ id: 'f-tech', subject: 'Google', organization: 'Google LLC', domains: ['doubleclick.net'], category: 'Advertising', kinds: ['cookie'], status: 'technology-not-disclosed', clauseIds: ['c1'], observationIds: ['o2'] }),
      finding({ id: 'f-category', subject: 'Hotjar', domains: ['hotjar.test'], category: 'Session replay', kinds: ['storage'], status: 'disclosed-by-category', clauseIds: ['c2'], observationIds: ['o3'] }),
      finding({ id: 'f-first', subject: 'shop.test', domains: ['shop.test'], kinds: ['request'], status: 'first-party', observationIds: ['o5'] }),
    ],
    declarations: [
      { id: 'c1', quote: 'We use Google Analytics to understand how visitors use the shop.' },
      { id: 'c2', quote: 'Our analytics partners may store identifiers on your device.' },
      { id: 'c3', quote: 'We share data with Facebook for advertising.' },
    ],
    unmatchedDeclarations: [{ id: 'c3', quote: 'We share data with Facebook for advertising.' }],
  };
}

type FindingInput = Report['findings'][number];

function finding(overrides: Partial<FindingInput> & Pick<FindingInput, 'id' | 'subject' | 'status'>): FindingInput {
  return { domains: [], kinds: [], clauseIds: [], observationIds: [], ...overrides };
}
