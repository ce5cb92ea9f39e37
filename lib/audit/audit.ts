import { ObservationKind, type Observation } from '../model/observation';
import { Technology, type Policy } from '../policy/schema';
import type { AttributeHost } from './attribution';
import type { CookieLifetimeExcess, Finding, FindingStatus, ListedCookie } from '../model/finding';
import { unobservedCookies, type CookieListing, type UnobservedCookie } from './cookie-listings';
import { compareFindings, compareText, statusRank } from '../model/order';
import { placer, type Placement } from './placement';

/**
 * The audit: what the site did, held against what its policy declares. Pure — plain data in,
 * plain data out, no clock, no I/O — so every verdict can be reproduced from a saved report.
 */

export interface AuditInput {
  observations: readonly Observation[];
  /** Without a policy every third party is `unreviewed`. */
  policy?: Policy;
  /**
   * Who a host belongs to and whether it is the site's own (lib/classify), set up with this
   * policy's parties and first-party domains.
   */
  attribute: AttributeHost;
}

export interface UnmatchedDeclaration {
  id: string;
  quote: string;
}

export interface AuditResult {
  /** One finding per party (organization, else registrable domain), with one verdict; first parties per domain. */
  findings: Finding[];
  /** Declarations no finding cites, in policy order: stale or over-broad clauses. */
  unmatchedDeclarations: UnmatchedDeclaration[];
  /** Cookies the policy lists by name that no observed cookie was, in policy order. */
  unobservedCookies: UnobservedCookie[];
}

interface Bucket extends Placement {
  /** Per technology, the worst status its evidence got and the clauses behind that status. */
  coverage: Map<Technology, { status: FindingStatus; clauseIds: Set<string> }>;
  domains: Set<string>;
  kinds: Set<ObservationKind>;
  technologies: Set<Technology>;
  allClauseIds: Set<string>;
  observationIds: string[];
  /** Keyed by cookie name and listing clause. */
  listedCookies: Map<string, ListedCookie>;
  cookieLifetimes: Map<string, CookieLifetimeExcess>;
  /** Every observation so far was reported from inside the page and confirmed by nothing else. */
  pageClaimOnly: boolean;
}

export function audit({ observations, policy, attribute }: AuditInput): AuditResult {
  const buckets = new Map<string, Bucket>();
  const placeOnce = placer(policy, attribute);
  for (const observation of observations) {
    const { placement, technology } = placeOnce(observation);
    addTo(buckets, placement, observation, technology);
  }
  const clauseOrder = new Map(policy?.declarations.map((d, index) => [d.id, index]));
  const findings = [...buckets.values()].map((b) => toFinding(b, clauseOrder)).sort(compareFindings);
  const listed = [...buckets.values()].flatMap((b) => [...b.listedCookies.values()]);
  return {
    findings,
    unmatchedDeclarations: unmatchedDeclarations(policy, findings),
    unobservedCookies: unobservedCookies(policy, listed),
  };
}

function addTo(buckets: Map<string, Bucket>, placement: Placement, observation: Observation, technology: Technology) {
  let bucket = buckets.get(placement.group);
  if (!bucket) {
    bucket = {
      ...placement,
      coverage: new Map(),
      domains: new Set(),
      kinds: new Set(),
      technologies: new Set(),
      allClauseIds: new Set(),
      observationIds: [],
      listedCookies: new Map(),
      cookieLifetimes: new Map(),
      pageClaimOnly: true,
    };
    buckets.set(placement.group, bucket);
  } else if (placement.subjectFromPolicy && !bucket.subjectFromPolicy) {
    // The group was opened by a tracker-database name; the policy's name for it reads better.
    Object.assign(bucket, { subject: placement.subject, organization: placement.organization, subjectFromPolicy: true });
  }
  bucket.category ??= placement.category;
  bucket.domains.add(placement.domain);
  bucket.kinds.add(observation.kind);
  bucket.technologies.add(technology);
  for (const id of placement.clauseIds) bucket.allClauseIds.add(id);
  bucket.observationIds.push(observation.id);
  if (observation.source !== 'page-hook') bucket.pageClaimOnly = false;
  if (placement.listing) noteListing(bucket, placement.listing);
  const known = bucket.coverage.get(technology);
  // Two hosts of one party may be covered differently: the technology keeps the worse verdict.
  if (!known || statusRank(placement.status) < statusRank(known.status)) {
    bucket.coverage.set(technology, { status: placement.status, clauseIds: new Set(placement.clauseIds) });
  } else if (known.status === placement.status) {
    for (const id of placement.clauseIds) known.clauseIds.add(id);
  }
  if (statusRank(placement.status) < statusRank(bucket.status)) bucket.status = placement.status;
}

function noteListing(bucket: Bucket, { listed, excess }: CookieListing) {
  for (const cookie of listed) bucket.listedCookies.set(`${cookie.name}\n${cookie.clauseId}`, cookie);
  if (!excess) return;
  const key = `${excess.name}\n${excess.clauseId}`;
  const known = bucket.cookieLifetimes.get(key);
  if (!known || excess.observedSeconds > known.observedSeconds) bucket.cookieLifetimes.set(key, excess);
}

function toFinding(bucket: Bucket, clauseOrder: ReadonlyMap<string, number>): Finding {
  const domains = [...bucket.domains].sort();
  const technologies = inEnumOrder(bucket.technologies, Technology.options);
  const inPolicyOrder = (ids: Iterable<string>) => [...ids].sort((a, b) => (clauseOrder.get(a) ?? 0) - (clauseOrder.get(b) ?? 0));
  const judged = bucket.status !== 'first-party' && bucket.status !== 'unreviewed';
  const coverage = judged
    ? technologies.map((technology) => {
        const { status, clauseIds } = bucket.coverage.get(technology)!;
        return { technology, status, clauseIds: inPolicyOrder(clauseIds) };
      })
    : undefined;
  const finding: Finding = {
    id: `${bucket.status === 'first-party' ? '' : `${bucket.status}:`}${bucket.group}`,
    subject: bucket.subject,
    ...(bucket.organization ? { organization: bucket.organization } : {}),
    domains,
    ...(bucket.category ? { category: bucket.category } : {}),
    kinds: inEnumOrder(bucket.kinds, ObservationKind.options),
    technologies,
    status: bucket.status,
    clauseIds: inPolicyOrder(bucket.allClauseIds),
    observationIds: bucket.observationIds,
    ...(coverage ? { coverage } : {}),
    ...nonEmpty('listedCookies', byNameThenClause([...bucket.listedCookies.values()], clauseOrder)),
    ...nonEmpty('cookieLifetimes', byNameThenClause([...bucket.cookieLifetimes.values()], clauseOrder)),
    ...(bucket.pageClaimOnly ? { pageClaimOnly: true } : {}),
  };
  const uncovered = (coverage ?? []).filter((c) => c.status === 'undisclosed' || c.status === 'technology-not-disclosed');
  if (uncovered.length > 0) {
    const party = { name: bucket.subject, domains, ...(bucket.organization ? { organization: bucket.organization } : {}) };
    finding.proposedDeclaration = { parties: [party], technologies: uncovered.map((c) => c.technology) };
  }
  return finding;
}

function unmatchedDeclarations(policy: Policy | undefined, findings: readonly Finding[]): UnmatchedDeclaration[] {
  if (!policy) return [];
  const cited = new Set(findings.flatMap((f) => f.clauseIds));
  return policy.declarations.filter((d) => !cited.has(d.id)).map((d) => ({ id: d.id, quote: d.clause.quote }));
}

function byNameThenClause<T extends { name: string; clauseId: string }>(items: T[], clauseOrder: ReadonlyMap<string, number>): T[] {
  return items.sort((a, b) => compareText(a.name, b.name) || (clauseOrder.get(a.clauseId) ?? 0) - (clauseOrder.get(b.clauseId) ?? 0));
}

function nonEmpty<K extends string, T>(key: K, items: T[]): Partial<Record<K, T[]>> {
  return items.length > 0 ? ({ [key]: items } as Record<K, T[]>) : {};
}

function inEnumOrder<T extends string>(values: ReadonlySet<T>, order: readonly T[]): T[] {
  return order.filter((v) => values.has(v));
}
