import { describe, expect, it } from 'vitest';
import type { Finding, FindingStatus } from '../../lib/model/finding';
import type { Observation } from '../../lib/model/observation';
import { indexObservations } from '../../lib/ui/evidence';
import { emptyFilter, filterRows, isFilterActive, toggled } from '../../lib/ui/finding-filter';
import { groupFindings, toRowViews } from '../../lib/ui/finding-groups';
import { paginate } from '../../lib/ui/pagination';
import { observation, sampleReport } from './export-fixture';

function finding(id: string, status: FindingStatus, subject: string, extra: Partial<Finding> = {}): Finding {
  return { id, subject, domains: [`${subject.toLowerCase()}.test`], kinds: ['request'], status, clauseIds: [], observationIds: [], ...extra };
}

describe('grouping findings by organization, worst news first', () => {
  const findings = [
    finding('d-google', 'disclosed', 'Google', { organization: 'Google' }),
    finding('fp', 'first-party', 'shop.test', { domains: ['shop.test'] }),
    finding('tnd-google', 'technology-not-disclosed', 'Google', { organization: 'Google' }),
    finding('u-zeta', 'undisclosed', 'zeta.test', { domains: ['zeta.test'] }),
    finding('u-alpha', 'undisclosed', 'alpha.test', { domains: ['alpha.test'] }),
    finding('cat', 'disclosed-by-category', 'Hotjar', { organization: 'Hotjar' }),
  ];
  const groups = groupFindings(toRowViews(findings, new Map()));

  it('orders groups undisclosed, technology-not-disclosed, by category, disclosed, first party; then by name', () => {
    expect(groups.map((g) => g.name)).toEqual(['alpha.test', 'zeta.test', 'Google', 'Hotjar', 'shop.test']);
    expect(groups.map((g) => g.worstStatus)).toEqual([
      'undisclosed',
      'undisclosed',
      'technology-not-disclosed',
      'disclosed-by-category',
      'first-party',
    ]);
  });

  it('keeps one organization together, its worst finding first', () => {
    const google = groups.find((g) => g.name === 'Google')!;
    expect(google.rows.map((r) => r.finding.id)).toEqual(['tnd-google', 'd-google']);
  });

  it('names a group by its domain when no organization is known', () => {
    const unknown = groupFindings(toRowViews([finding('x', 'undisclosed', 'cdn.example', { domains: ['example.net'] })], new Map()));
    expect(unknown[0]!.name).toBe('example.net');
  });
});

describe('filtering rows', () => {
  const report = sampleReport();
  const rows = toRowViews(report.findings, indexObservations(report.observations));
  const ids = (filter: Parameters<typeof filterRows>[1]) => filterRows(rows, filter).map((r) => r.finding.id);

  it('shows everything with an empty filter', () => {
    expect(ids(emptyFilter())).toHaveLength(report.findings.length);
    expect(isFilterActive(emptyFilter())).toBe(false);
  });

  it('narrows by status and by kind (any of the selected)', () => {
    expect(ids({ ...emptyFilter(), statuses: new Set(['undisclosed', 'disclosed']) })).toEqual(['f-disclosed', 'f-undisclosed']);
    expect(ids({ ...emptyFilter(), kinds: new Set(['cookie', 'storage']) })).toEqual(['f-tech', 'f-category']);
  });

  it('searches evidence too: cookie names, storage keys and URLs, every word must match', () => {
    expect(ids({ ...emptyFilter(), query: 'ide' })).toEqual(['f-tech']);
    expect(ids({ ...emptyFilter(), query: '_hjSESSION' })).toEqual(['f-category']);
    expect(ids({ ...emptyFilter(), query: 'collect?e=view' })).toEqual(['f-undisclosed']);
    expect(ids({ ...emptyFilter(), query: 'google doubleclick' })).toEqual(['f-tech']);
    expect(ids({ ...emptyFilter(), query: 'google nothing-like-this' })).toEqual([]);
  });

  it('toggles a filter value without mutating the old set', () => {
    const before = new Set(['a']);
    const after = toggled(before, 'b');
    expect([...before]).toEqual(['a']);
    expect([...after]).toEqual(['a', 'b']);
    expect([...toggled(after, 'a')]).toEqual(['b']);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 105 }, (_, i) => i);

  it('slices pages of the given size and says where it is', () => {
    expect(paginate(items, 2, 50)).toMatchObject({ page: 2, pageCount: 3, total: 105, from: 51, to: 100 });
    expect(paginate(items, 3, 50).items).toEqual([100, 101, 102, 103, 104]);
  });

  it('clamps pages out of range, so a narrower filter never shows an empty page', () => {
    expect(paginate(items, 9, 50).page).toBe(3);
    expect(paginate(items, 0, 50).page).toBe(1);
    expect(paginate([], 4, 50)).toMatchObject({ items: [], page: 1, pageCount: 1, from: 0, to: 0 });
  });
});

describe('5,000 findings', () => {
  const observations: Observation[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < 5000; i++) {
    const host = `t${i}.tracker${i % 700}.test`;
    observations.push(observation({ id: `o${i}a`, host, url: `https://${host}/p.js` }), observation({ id: `o${i}b`, kind: 'cookie', host, name: `c${i}` }));
    findings.push(finding(`f${i}`, (['undisclosed', 'disclosed', 'first-party'] as const)[i % 3]!, `Org ${i % 1200}`, {
      organization: `Org ${i % 1200}`,
      kinds: ['request', 'cookie'],
      observationIds: [`o${i}a`, `o${i}b`],
    }));
  }

  it('search finds a finding by the hosts of its evidence, groups and pages the matches', () => {
    const rows = toRowViews(findings, indexObservations(observations));
    const groups = groupFindings(filterRows(rows, { ...emptyFilter(), query: 'tracker699' }));
    // tracker699 is the host of findings 699, 1399, …, 4899: seven findings, one organization each.
    const ids = groups.flatMap((g) => g.rows.map((r) => r.finding.id)).sort();
    expect(ids).toEqual(['f1399', 'f2099', 'f2799', 'f3499', 'f4199', 'f4899', 'f699']);
    const page = paginate(groups, 1, 40);
    expect(page).toMatchObject({ total: 7, page: 1, pageCount: 1 });
  });
});

describe('without a policy', () => {
  it('lists the unreviewed third parties before the site itself', () => {
    const groups = groupFindings(toRowViews([finding('fp', 'first-party', 'shop.test'), finding('u', 'unreviewed', 'ads.test')], new Map()));
    expect(groups.map((g) => g.worstStatus)).toEqual(['unreviewed', 'first-party']);
  });
});
