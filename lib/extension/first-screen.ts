import type { Finding } from '../model/finding';
import { groupFindings } from '../model/finding-groups';
import { countByStatus } from '../export/summary';
import type { PartialCounts, SiteReport } from './messages';

/**
 * The report cut to what the findings list shows first: the findings of its first `groups` groups,
 * in the list's own order, with their evidence and nothing else of the observations. At 5,000
 * findings the whole report is megabytes the popup would wait for before showing anything; the
 * first screen is a few kilobytes. A report that fits is returned whole, without `partial`.
 */
export function firstScreen(siteReport: SiteReport, groups: number): SiteReport {
  // A kept report is the same object until its site's observations change: each reopen of the
  // popup then gets the screen cut before, without grouping thousands of findings again.
  const cut = cuts.get(siteReport);
  if (cut?.groups === groups) return cut.screen;
  const screen = cutFirstScreen(siteReport, groups);
  cuts.set(siteReport, { groups, screen });
  return screen;
}

const cuts = new WeakMap<SiteReport, { groups: number; screen: SiteReport }>();

function cutFirstScreen(siteReport: SiteReport, groups: number): SiteReport {
  const { report } = siteReport;
  const all = groupFindings(report.findings.map((finding) => ({ finding })));
  if (all.length <= groups) return siteReport;
  const findings: Finding[] = all.slice(0, groups).flatMap((group) => group.rows.map((row) => row.finding));
  const evidence = new Set(findings.flatMap((finding) => finding.observationIds));
  const partial: PartialCounts = {
    findings: report.findings.length,
    observations: report.observations.length,
    groups: all.length,
    byStatus: countByStatus(report.findings),
  };
  return {
    ...siteReport,
    report: { ...report, findings, observations: report.observations.filter((o) => evidence.has(o.id)) },
    partial,
  };
}
