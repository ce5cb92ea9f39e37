import { describe, expect, it } from 'vitest';
import { citedClauses } from '../../lib/ui/clauses';
import { clauseQuotes } from '../../lib/export/clauses';
import { evidenceFor, indexObservations } from '../../lib/ui/evidence';
import { observation, sampleReport } from './export-fixture';

describe('evidence of a finding', () => {
  const report = sampleReport();
  const byId = indexObservations(report.observations);
  const find = (id: string) => report.findings.find((f) => f.id === id)!;

  it('lists cookies with scope, lifetime, flags and how they were set', () => {
    expect(evidenceFor(find('f-tech'), byId).cookies.items).toEqual([
      {
        name: 'IDE',
        scope: '.doubleclick.net/',
        lifetime: '1 y 31 d',
        flags: ['Secure', 'HttpOnly', 'SameSite=no_restriction'],
        via: ['http'],
        count: 1,
        pageReported: false,
      },
    ]);
  });

  it('lists storage keys and marks what only page script reported', () => {
    expect(evidenceFor(find('f-category'), byId).storage.items).toEqual([
      { area: 'localStorage', key: '_hjSession', origin: 'https://www.shop.test', valueSize: 120, count: 1, pageReported: true },
    ]);
  });

  it('lists URLs with how they were sent, and the pages where they were seen', () => {
    const evidence = evidenceFor(find('f-undisclosed'), byId);
    expect(evidence.urls.items).toEqual([
      { url: 'https://px.ads.test/collect?e=view', how: 'beacon, send-beacon', count: 1, pageReported: false },
    ]);
    expect(evidence.pages.items).toEqual(['https://www.shop.test/cart']);
  });

  it('counts repeats once, caps long lists and says how many are hidden', () => {
    const observations = [
      ...Array.from({ length: 3 }, (_, i) => observation({ id: `same${i}`, url: 'https://t.test/a.js' })),
      ...Array.from({ length: 30 }, (_, i) => observation({ id: `u${i}`, url: `https://t.test/${i}.js`, pageUrl: `https://www.shop.test/p${i}` })),
    ];
    const finding = { ...find('f-disclosed'), observationIds: [...observations.map((o) => o.id), 'gone'] };
    const evidence = evidenceFor(finding, indexObservations(observations), 10);
    expect(evidence.urls.items[0]).toMatchObject({ url: 'https://t.test/a.js', count: 3 });
    expect(evidence.urls.items).toHaveLength(10);
    expect(evidence.urls.hidden).toBe(21);
    expect(evidence.pages.hidden).toBe(21);
    expect(evidence.missing).toBe(1);
  });

  it('shows a cookie set as already expired as a deletion, and a session cookie as session', () => {
    const observations = [
      observation({ id: 'del', kind: 'cookie', name: 'gone', cookie: { domain: 'x.test', path: '/', lifetimeSeconds: -1 } }),
      observation({ id: 'ses', kind: 'cookie', name: 'sess', cookie: { domain: 'x.test', path: '/', lifetimeSeconds: null } }),
    ];
    const finding = { ...find('f-tech'), observationIds: ['del', 'ses'] };
    expect(evidenceFor(finding, indexObservations(observations)).cookies.items.map((c) => c.lifetime)).toEqual([
      'expired (deletion)',
      'session',
    ]);
  });
});

describe('clauses a finding cites', () => {
  const report = sampleReport();
  const quotes = clauseQuotes(report);

  it('quotes each cited clause', () => {
    const disclosed = report.findings.find((f) => f.id === 'f-disclosed')!;
    expect(citedClauses(disclosed, quotes)).toEqual([
      { id: 'c1', quote: 'We use Google Analytics to understand how visitors use the shop.' },
    ]);
  });

  it('gives an empty list when no clause covers the finding, and ids alone when the report has no quotes', () => {
    expect(citedClauses(report.findings.find((f) => f.id === 'f-undisclosed')!, quotes)).toEqual([]);
    expect(citedClauses({ ...report.findings[0]!, clauseIds: ['c9'] }, quotes)).toEqual([{ id: 'c9' }]);
  });
});
