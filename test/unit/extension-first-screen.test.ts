import { describe, expect, it } from 'vitest';
import { firstScreen } from '../../lib/extension/first-screen';
import type { SiteReport } from '../../lib/extension/messages';
import type { Finding } from '../../lib/model/finding';
import type { Observation } from '../../lib/model/observation';
import type { Report } from '../../lib/model/report';
import { groupFindings } from '../../lib/ui/finding-groups';
import { paginate } from '../../lib/ui/pagination';

function finding(id: string, subject: string, status: Finding['status'], organization?: string): Finding {
  return { id, subject, status, domains: [`${id}.example`], kinds: ['request'], clauseIds: [], observationIds: [`o-${id}`], ...(organization ? { organization } : {}) };
}

function observation(id: string): Observation {
  return { id, kind: 'request', pageUrl: 'https://site.example/', host: `${id}.example`, party: 'third', time: 1, source: 'network' };
}

function siteReport(findings: Finding[]): SiteReport {
  const observations = [...findings.map((f) => observation(f.observationIds[0]!)), observation('unrelated')];
  const report = { findings, observations, pages: [{ url: 'https://site.example/' }] } as unknown as Report;
  return { site: 'site.example', report, policy: { state: 'no-match' } };
}

describe('the popup’s first screen of findings', () => {
  // Two findings of one organization share a group; the worst status leads the list.
  const findings = [
    finding('a', 'Zeta', 'disclosed'),
    finding('b', 'Acme pixel', 'undisclosed', 'Acme'),
    finding('c', 'Acme tags', 'disclosed', 'Acme'),
    finding('d', 'Beta', 'undisclosed'),
    finding('e', 'Gamma', 'disclosed-by-category'),
  ];

  it('holds the findings of the list’s first groups, in its order, with their evidence only, and counts the rest', () => {
    const { report, partial } = firstScreen(siteReport(findings), 2);
    const whole = paginate(groupFindings(findings.map((f) => ({ finding: f, count: 1, searchText: '' }))), 1, 2);
    const shown = groupFindings(report.findings.map((f) => ({ finding: f, count: 1, searchText: '' })));
    expect(shown.map((g) => g.rows.map((r) => r.finding.id))).toEqual(whole.items.map((g) => g.rows.map((r) => r.finding.id)));
    expect(report.findings.map((f) => f.id).sort()).toEqual(['b', 'c', 'd']);
    expect(report.observations.map((o) => o.id).sort()).toEqual(['o-b', 'o-c', 'o-d']);
    expect(partial).toEqual({
      findings: 5,
      observations: 6,
      groups: 4,
      byStatus: expect.objectContaining({ undisclosed: 2, disclosed: 2, 'disclosed-by-category': 1 }),
    });
  });

  it('returns a report that fits on one screen whole, with nothing marked partial', () => {
    const whole = siteReport(findings);
    expect(firstScreen(whole, 4)).toBe(whole);
  });

  it('cuts a kept report once: a reopen gets the same screen, another size a new one', () => {
    const kept = siteReport(findings);
    const screen = firstScreen(kept, 2);
    expect(firstScreen(kept, 2)).toBe(screen);
    expect(firstScreen(kept, 3).report.findings).toHaveLength(4);
  });
});
