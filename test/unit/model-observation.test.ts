import { describe, expect, it } from 'vitest';
import { Observation } from '../../lib/model/observation';
import { parseReport, REPORT_SCHEMA_VERSION } from '../../lib/model/report';

const base = {
  id: 'o1',
  kind: 'request',
  pageUrl: 'https://www.example.com/',
  url: 'https://www.google-analytics.com/analytics.js',
  host: 'www.google-analytics.com',
  resourceType: 'script',
  party: 'third',
  time: 1,
};

describe('Observation schema', () => {
  it('accepts a request observation and defaults its source to network', () => {
    expect(Observation.parse(base).source).toBe('network');
  });

  it('rejects an unknown kind', () => {
    expect(() => Observation.parse({ ...base, kind: 'pixel' })).toThrow();
  });

  it('requires a party', () => {
    const { party: _ignored, ...withoutParty } = base;
    expect(Observation.safeParse(withoutParty).success).toBe(false);
  });
});

describe('parseReport', () => {
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 't', version: '0' },
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    pages: [{ url: 'https://a.test/', finalUrl: 'https://a.test/' }],
    observations: [base],
    findings: [],
  };

  it('round-trips a valid report', () => {
    expect(parseReport(report).observations[0]!.host).toBe('www.google-analytics.com');
  });

  it('names the source and the field of the first problem', () => {
    const bad = { ...report, observations: [{ ...base, party: 'fourth' }] };
    expect(() => parseReport(bad, 'out/report.json')).toThrow(/^out\/report\.json: observations\[0\]\.party: /);
  });
});
