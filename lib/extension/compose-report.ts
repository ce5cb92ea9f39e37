import { audit } from '../audit/audit';
import type { AttributeHost } from '../audit/attribution';
import { createClassifier } from '../classify/classifier';
import { parseReport, REPORT_SCHEMA_VERSION, type PageVisit, type Report } from '../export/report';
import type { Observation } from '../observe/observation';
import type { Policy } from '../policy/schema';
import type { VerdictRecord } from '../store/verdict-store';
import { attachReviews } from '../ui/verdicts';
import type { PolicyEntry } from './policy-catalog';

/**
 * A site session's report, built in the background with the same pure core the CLI uses:
 * lib/classify says who each host is, lib/audit holds that against the policy. No clock and no
 * browser here (the caller passes `now`), so a unit test can check it line by line.
 */
export interface SiteReportInput {
  site: string;
  /** The session's observations (see sessionObservations). */
  observations: readonly Observation[];
  policy?: PolicyEntry & { policy: Policy };
  verdicts: readonly VerdictRecord[];
  tool: { name: string; version: string };
  /** Milliseconds since the epoch. */
  now: number;
  sessionStart?: number;
}

/** Attribution by the built-in map and the policy's own party domains (trackerdb is Node-only for now). */
export function attributionFor(site: string, policy: Policy | undefined): AttributeHost {
  const policyParties = (policy?.declarations ?? []).flatMap((d) =>
    d.parties.map((p) => ({ name: p.name, ...(p.organization ? { organization: p.organization } : {}), domains: p.domains ?? [] })),
  );
  const { classify } = createClassifier({ siteDomains: policy?.site.firstPartyDomains ?? [site], policyParties });
  return (host) => classify(host);
}

/** Top-level pages in the order they were first seen. */
function pagesOf(observations: readonly Observation[]): PageVisit[] {
  const urls = new Set<string>();
  for (const o of observations) urls.add(o.pageUrl);
  return [...urls].map((url) => ({ url, finalUrl: url }));
}

export function composeSiteReport(input: SiteReportInput): Report {
  const policy = input.policy?.policy;
  const { findings, unmatchedDeclarations } = audit({
    observations: input.observations,
    policy,
    attribute: attributionFor(input.site, policy),
  });
  const firstSeen = input.observations[0]?.time;
  const startedAt = Math.min(input.sessionStart ?? firstSeen ?? input.now, input.now);
  const report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(input.now).toISOString(),
    ...(input.policy && policy
      ? { policy: { id: policy.id, file: input.policy.file, title: policy.source.title } }
      : {}),
    pages: pagesOf(input.observations),
    observations: [...input.observations],
    findings: attachReviews(findings, input.verdicts),
    ...(policy ? { declarations: policy.declarations, unmatchedDeclarations } : {}),
  } satisfies Report;
  // Validated, but the unparsed object is returned: parsing would drop `review`, which the
  // Finding schema does not declare yet and every export reads.
  parseReport(report, `report for ${input.site}`);
  return report;
}
