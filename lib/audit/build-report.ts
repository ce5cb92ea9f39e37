import { createClassifier } from '../classify/classifier';
import { hostOf, registrableDomain } from '../classify/domain';
import type { AttributionSource } from '../classify/source';
import type { Observation } from '../model/observation';
import { parseObservations, ReportAroundObservations, REPORT_SCHEMA_VERSION, validatedReport, withObservations, type DiscoveredPolicy, type Report, type PageVisit, type PolicyPageAttempt, type RunSettings } from '../model/report';
import type { Policy } from '../policy/schema';
import { audit, type AuditResult } from './audit';
import type { AttributeHost } from './attribution';
import { attachReviews, type KeptReview } from './reviews';

/** The policy a report is judged against, and the file it was read from (as shown to the user). */
export interface PolicyInUse {
  policy: Policy;
  file?: string;
  /** Set for a draft read from the site's own pages during the run. */
  discovered?: DiscoveredPolicy;
}

/**
 * Attribution sources beyond the policy's parties and the built-in map, which are always used:
 * trackerdb when the user switched it on and it was loaded (an async, environment-specific step
 * that the caller does).
 */
export interface AttributionSources {
  trackerDb: AttributionSource | false;
}

export interface ReportInput {
  tool: { name: string; version: string };
  /** Milliseconds since the epoch: the core reads no clock. */
  startedAt: number;
  finishedAt: number;
  observations: readonly Observation[];
  /** Pages visited; by default the top-level pages of the observations, in the order first seen. */
  pages?: readonly PageVisit[];
  /** For the default pages: reports left out per page URL (the store's counts), as their `capped`. */
  capped?: Readonly<Record<string, number>>;
  policy?: PolicyInUse;
  /** How the browser was set up (the CLI knows; the extension does not); sources are added here. */
  settings?: Omit<RunSettings, 'trackerDb'>;
  sources: AttributionSources;
  /** Reviewers' verdicts kept for the site, attached to the findings they judged. */
  reviews?: readonly KeptReview[];
  /** What was tried to find the site's own policy (the CLI's discovery), reported as it is. */
  policyDiscovery?: readonly PolicyPageAttempt[];
}

/**
 * The one way a report is made, by the extension, the CLI and merge alike: who each host is
 * (lib/classify, with the policy's own parties first), held against the policy (audit), with
 * kept reviews attached, validated against the report schema. Pure: same input, same report.
 */
export function buildReport(input: ReportInput): Report {
  // Checked before anything is judged, and once: a malformed observation (an old record, a shard
  // edited by hand) fails here with its index and field, not somewhere inside the audit.
  const observations = parseObservations(input.observations);
  const policy = input.policy?.policy;
  const pages = input.pages ? [...input.pages] : pagesOf(observations, input.capped ?? {});
  const { findings, unmatchedDeclarations, unobservedCookies } = judgeSite({ ...input, observations, pages });
  const rest = ReportAroundObservations.parse({
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    startedAt: new Date(Math.min(input.startedAt, input.finishedAt)).toISOString(),
    finishedAt: new Date(input.finishedAt).toISOString(),
    settings: { ...input.settings, trackerDb: input.sources.trackerDb !== false },
    ...(policy ? { policy: { id: policy.id, file: input.policy?.file, title: policy.source.title, discovered: input.policy?.discovered } } : {}),
    ...(input.policyDiscovery ? { policyDiscovery: { attempts: [...input.policyDiscovery] } } : {}),
    pages,
    findings: attachReviews(findings, input.reviews ?? []),
    ...(policy ? { declarations: policy.declarations, unmatchedDeclarations } : {}),
    ...(policy?.declarations.some((d) => d.cookies?.length) ? { unobservedCookies } : {}),
  });
  // Validated here, the one place a report is made: writers take it as it is (see validatedReport).
  return validatedReport(withObservations(rest, observations));
}

/**
 * The findings alone, as buildReport judges them: for a caller that needs only counts (the
 * toolbar badge) and must still agree with the report.
 */
export function judgeSite(input: Pick<ReportInput, 'observations' | 'pages' | 'policy' | 'sources'>): AuditResult {
  return audit({ observations: input.observations, policy: input.policy?.policy, attribute: siteAttribution(input) });
}

/** Who each host is for this site and policy: the classifier every verdict of the site uses. */
export function siteAttribution(input: Pick<ReportInput, 'observations' | 'pages' | 'policy' | 'sources'>): AttributeHost {
  const policy = input.policy?.policy;
  return createClassifier({
    siteDomains: siteDomainsOf(policy, input.pages ?? [], input.observations),
    policyParties: policy?.declarations.flatMap((d) => d.parties.map((p) => ({ ...p, domains: p.domains ?? [] }))),
    trackerDb: input.sources.trackerDb,
  }).classify;
}

/**
 * The site's own domains: every domain the policy claims, and the sites of the audited pages
 * (of the pages the observations were made on, when no page list is given).
 */
function siteDomainsOf(policy: Policy | undefined, pages: readonly PageVisit[], observations: readonly Observation[]): string[] {
  const domains = new Set(policy?.site.firstPartyDomains ?? []);
  const urls = pages.length ? pages.map((p) => p.url) : new Set(observations.map((o) => o.pageUrl));
  for (const url of urls) {
    const host = hostOf(url);
    if (host) domains.add(registrableDomain(host));
  }
  return [...domains];
}

/** A page whose every report was left out (the database was full) is still a page, with its count. */
function pagesOf(observations: readonly Observation[], capped: Readonly<Record<string, number>>): PageVisit[] {
  const urls = new Set<string>();
  for (const o of observations) urls.add(o.pageUrl);
  for (const url of Object.keys(capped)) urls.add(url);
  return [...urls].map((url) => ({ url, finalUrl: url, ...(capped[url] ? { capped: capped[url] } : {}) }));
}
