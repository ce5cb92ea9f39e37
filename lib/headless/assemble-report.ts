import { Report, REPORT_SCHEMA_VERSION, type PageVisit, type RunSettings } from '../export/report';
import type { Observation } from '../observe/observation';
import type { Finding } from '../audit/finding';
import { registrableDomain } from '../classify/domain';

export interface ReportParts {
  tool: { name: string; version: string };
  startedAt: Date;
  finishedAt: Date;
  pages: PageVisit[];
  observations: Observation[];
  settings: RunSettings;
}

/** Puts a run together as a versioned report, validated so that what we write is what we promise. */
export function assembleReport(parts: ReportParts): Report {
  return Report.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: parts.tool,
    startedAt: parts.startedAt.toISOString(),
    finishedAt: parts.finishedAt.toISOString(),
    settings: parts.settings,
    pages: parts.pages,
    observations: parts.observations,
    findings: unreviewedFindings(parts.observations),
  });
}

/** One finding per third-party registrable domain, before any policy is applied. */
function unreviewedFindings(observations: Observation[]): Finding[] {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.party !== 'third') continue;
    const domain = registrableDomain(o.host);
    groups.set(domain, [...(groups.get(domain) ?? []), o]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, group]) => ({
      id: `unreviewed:${domain}`,
      subject: domain,
      domains: [domain],
      kinds: [...new Set(group.map((o) => o.kind))],
      status: 'unreviewed' as const,
      clauseIds: [],
      observationIds: group.map((o) => o.id),
    }));
}
