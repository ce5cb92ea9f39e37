import { describe, expect, it } from 'vitest';
import { toJson } from '../../lib/export/json';
import { parseReport } from '../../lib/model/report';
import { sampleReport } from './export-fixture';

describe('toJson', () => {
  it('writes pretty JSON that parses back to the same report', () => {
    const json = toJson(sampleReport());
    expect(json).toContain('\n  "schemaVersion": 1,\n');
    expect(json.endsWith('}\n')).toBe(true);
    expect(parseReport(JSON.parse(json))).toEqual(sampleReport());
  });

  it('keeps the policy quotes a loose declaration carries beyond id and quote', () => {
    const report = sampleReport();
    report.declarations = [{ id: 'c1', quote: 'q', parties: ['Google'] }];
    expect(JSON.parse(toJson(report)).declarations[0].parties).toEqual(['Google']);
  });

  it('refuses an invalid report and names the field', () => {
    const report = sampleReport();
    (report.findings[2] as { status: string }).status = 'maybe';
    expect(() => toJson(report)).toThrow(/^report\.json: findings\[2\]\.status: /);
  });

  it('names a missing nested field', () => {
    const report = sampleReport();
    delete (report.observations[1] as { party?: string }).party;
    expect(() => toJson(report)).toThrow(/^report\.json: observations\[1\]\.party: /);
  });

  it('fills schema defaults so the file matches the published schema', () => {
    const report = sampleReport();
    delete (report.observations[0] as { source?: string }).source;
    expect(JSON.parse(toJson(report)).observations[0].source).toBe('network');
  });
});
