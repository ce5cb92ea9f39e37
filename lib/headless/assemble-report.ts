import { Report, REPORT_SCHEMA_VERSION, type PageVisit, type RunSettings } from '../export/report';
import type { Observation } from '../observe/observation';
import { judgeObservations, type Judge } from './judge';

export interface ReportParts {
  tool: { name: string; version: string };
  startedAt: Date;
  finishedAt: Date;
  pages: PageVisit[];
  observations: Observation[];
  /** Absent only when merging reports that recorded none. */
  settings: RunSettings | undefined;
  judge: Judge;
}

/**
 * Puts a run together as a versioned report: observations judged against the policy (or left
 * unreviewed without one), validated so that what we write is what we promise.
 */
export function assembleReport(parts: ReportParts): Report {
  return Report.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: parts.tool,
    startedAt: parts.startedAt.toISOString(),
    finishedAt: parts.finishedAt.toISOString(),
    settings: parts.settings && { ...parts.settings, trackerDb: parts.judge.trackerDb },
    pages: parts.pages,
    observations: parts.observations,
    ...judgeObservations(parts.observations, parts.judge),
  });
}

/**
 * Observation ids are unique within one browser profile only (Chromium numbers its requests from
 * 1 again), so reports combining several profiles — consent states, shards — prefix each
 * profile's ids, and the redirect links between them, with a label of their own.
 */
export function namespaceIds(observations: readonly Observation[], label: string): Observation[] {
  return observations.map((o) => ({
    ...o,
    id: `${label}:${o.id}`,
    ...(o.redirectedFrom !== undefined ? { redirectedFrom: `${label}:${o.redirectedFrom}` } : {}),
  }));
}
