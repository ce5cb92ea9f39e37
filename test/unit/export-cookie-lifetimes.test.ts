import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lib/audit/build-report';
import { findingsToCsv } from '../../lib/export/csv';
import { toHtml } from '../../lib/export/html';
import type { Observation } from '../../lib/model/observation';
import { Policy } from '../../lib/policy/schema';

// Cookie-level judgements in the exports: a cookie outliving its declared lifetime, a listed cookie never set.
const DAY = 86_400;
const HOSTILE = '_gid<img src=x onerror=alert(1)>';

const policy = Policy.parse({
  id: 'harbourline',
  site: { name: 'Harbourline', firstPartyDomains: ['harbourline.test'] },
  source: { title: 'Cookie policy', url: 'https://harbourline.test/cookies' },
  declarations: [
    {
      id: 'd5',
      clause: { section: 'Analytics cookies', quote: '_gid* | Google Analytics | Registers a unique ID for the day | 24 hours' },
      parties: [{ name: 'Google', domains: ['google-analytics.com'] }],
      technologies: ['cookie'],
      cookies: [{ name: '_gid*', provider: 'Google Analytics', lifetime: { maxAgeSeconds: DAY, lifetimeText: '24 hours' } }],
    },
    {
      id: 'd7',
      clause: { section: 'Analytics cookies', quote: '_hjid | Hotjar | Identifies you | 1 year' },
      parties: [{ name: 'Hotjar', domains: ['hotjar.com'] }],
      technologies: ['cookie'],
      cookies: [{ name: '_hjid', provider: 'Hotjar', lifetime: { maxAgeSeconds: 365 * DAY, lifetimeText: '1 year' } }],
    },
  ],
});

const gid: Observation = {
  id: 'o1',
  kind: 'cookie',
  pageUrl: 'https://www.harbourline.test/',
  url: 'https://www.google-analytics.com/analytics.js',
  host: 'www.harbourline.test',
  name: HOSTILE,
  via: ['js'],
  party: 'first',
  time: 0,
  source: 'network',
  cookie: { domain: 'www.harbourline.test', path: '/', lifetimeSeconds: 30 * DAY },
};

const report = buildReport({
  tool: { name: 'test', version: '0' },
  startedAt: 0,
  finishedAt: 1,
  observations: [gid],
  policy: { policy },
  sources: { trackerDb: false },
});

describe('cookie lifetimes and unobserved cookies in the exports', () => {
  it('flags the cookie on its finding with both lifetimes', () => {
    expect(report.findings[0]!.cookieLifetimes).toEqual([
      { name: HOSTILE, observedSeconds: 30 * DAY, declaredSeconds: DAY, declaredText: '24 hours', clauseId: 'd5' },
    ]);
    expect(report.unobservedCookies).toEqual([{ name: '_hjid', declarationId: 'd7', provider: 'Hotjar' }]);
  });

  it('report.html says it in the finding’s row, escaping the page-chosen name, and lists the cookie never set', () => {
    const doc = toHtml(report);
    expect(doc).toContain('_gid&lt;img src=x onerror=alert(1)&gt;: set for 30 d, the policy says 24 hours (d5)');
    expect(doc).not.toContain('<img src=x');
    expect(doc).toContain('_hjid (Hotjar, d7)');
  });

  it('findings.csv has a cookieLifetimes column', () => {
    const [header, row] = findingsToCsv(report).split('\r\n');
    expect(header).toContain('cookieLifetimes');
    expect(row).toContain(`${HOSTILE}: set for 30 d, the policy says 24 hours (d5)`);
  });
});
