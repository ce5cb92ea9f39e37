import type { Attribution } from '../classify/attribution';
import { hostOf, normalizeHost, registrableDomain } from '../classify/domain';
import { organizationSlug } from '../classify/organization-name';
import type { Observation } from '../model/observation';
import type { FindingStatus } from '../model/finding';
import { statusRank } from '../model/order';
import type { Policy, Technology } from '../policy/schema';
import { technologyOf } from '../policy/technology';
import { displayName, type AttributeHost } from './attribution';
import { firstPartyClauseIds, judgeThirdParty } from './coverage';
import { listingOf, type CookieListing } from './cookie-listings';

/**
 * Where each observation lands in the audit: the party whose finding it joins and the verdict the
 * policy gives its technology there. Pure, like the audit that collects the placements.
 */

/** Where one observation lands: the finding it joins and what the policy says of its technology. */
export interface Placement {
  /** The party: `org:google`, `example.com`, `first-party:acme.test`. */
  group: string;
  status: FindingStatus;
  subject: string;
  /** Whether the subject is a name the policy itself uses; those win over tracker-database names. */
  subjectFromPolicy: boolean;
  organization?: string;
  domain: string;
  category?: string;
  clauseIds: readonly string[];
  /** For a cookie the policy lists by name: the listing, whose clauses are among clauseIds. */
  listing?: CookieListing;
}

/**
 * The finding one observation joins (its party) and the verdict it brings there; a finding's
 * status is the worst its observations bring. For counting findings without building them.
 */
export function placementOf(observation: Observation, policy: Policy | undefined, attribute: AttributeHost): { group: string; status: FindingStatus } {
  const { group, status } = place(observation, policy, attribute).placement;
  return { group, status };
}

/**
 * `place` for one audit, worked out once per kind, resource type and placed host: apart from a
 * cookie (also placed by its name and lifetime, against the policy's cookie lists), that is all a
 * placement depends on, and a session is mostly the same hosts requested again and again.
 */
export function placer(policy: Policy | undefined, attribute: AttributeHost): (observation: Observation) => { placement: Placement; technology: Technology } {
  const placed = new Map<string, { placement: Placement; technology: Technology }>();
  return (observation) => {
    if (observation.kind === 'cookie') return place(observation, policy, attribute);
    const host = placedHost(observation, attribute);
    const key = `${observation.kind}\n${observation.resourceType ?? ''}\n${host}`;
    let result = placed.get(key);
    if (!result) placed.set(key, (result = place(observation, policy, attribute, host)));
    return result;
  };
}

/** The host an observation is judged as: the third party that wrote it (see thirdPartyWriter), else its own. */
function placedHost(observation: Observation, attribute: AttributeHost): string {
  return thirdPartyWriter(observation, attribute) ?? normalizeHost(observation.host);
}

function place(
  observation: Observation,
  policy: Policy | undefined,
  attribute: AttributeHost,
  host = placedHost(observation, attribute),
): { placement: Placement; technology: Technology } {
  const attribution = attribute(host);
  const technology = technologyOf(observation);
  const placement = attribution.party === 'first'
    ? placeFirstParty(observation, host, technology, policy)
    : placeThirdParty(observation, host, attribution, technology, policy);
  return { placement, technology };
}

/**
 * A cookie or storage key in the site's own jar that a third party's script wrote belongs to that
 * third party: `_ga` sits on the site's domain, but Google's script put it there, and the policy
 * has to disclose Google for it. Returns the writing script's host, or undefined.
 * A writer the hook could only take the page's word for (`writerEvidence: 'page-claim'`) is a hint,
 * never a reason to credit the write to a third party.
 */
function thirdPartyWriter(observation: Observation, attribute: AttributeHost): string | undefined {
  if ((observation.kind !== 'cookie' && observation.kind !== 'storage') || !observation.url) return undefined;
  if (observation.kind === 'cookie' && !observation.via?.includes('js')) return undefined;
  if (observation.writerEvidence === 'page-claim') return undefined;
  const writer = normalizeHost(hostOf(observation.url));
  if (!writer || registrableDomain(writer) === registrableDomain(observation.host)) return undefined;
  if (attribute(writer).party === 'first') return undefined;
  return attribute(normalizeHost(observation.host)).party === 'first' ? writer : undefined;
}

function placeFirstParty(
  observation: Observation,
  host: string,
  technology: Technology,
  policy: Policy | undefined,
): Placement {
  const domain = registrableDomain(host);
  const isNetwork = observation.kind === 'request' || observation.kind === 'beacon';
  const listing = policy && listingOf(policy, observation, { party: 'first' });
  const clauseIds = policy ? firstPartyClauseIds(policy, technology, isNetwork) : [];
  return {
    group: `first-party:${domain}`,
    status: 'first-party',
    subject: domain,
    subjectFromPolicy: policy !== undefined,
    ...(policy ? { organization: policy.site.name } : {}),
    domain,
    clauseIds: listing ? [...new Set([...listing.clauseIds, ...clauseIds])] : clauseIds,
    ...(listing && { listing }),
  };
}

function placeThirdParty(
  observation: Observation,
  host: string,
  attribution: Attribution,
  technology: Technology,
  policy: Policy | undefined,
): Placement {
  const domain = attribution.registrableDomain;
  const coverage = policy ? judgeThirdParty(policy, host, attribution, technology) : undefined;
  const listing = policy && listingOf(policy, observation, { party: 'third', host, attribution });
  const status: FindingStatus = coverage?.status ?? 'unreviewed';
  const organization = attribution.organization;
  // Finding ids read `unreviewed:example.com` for a domain nobody knows, `disclosed:org:google` for an organization.
  const group = organization ? `org:${organizationSlug(organization) || domain}` : domain;
  return {
    group,
    status,
    subject: displayName(attribution) ?? domain,
    subjectFromPolicy: attribution.policyParty !== undefined,
    ...(organization ? { organization } : {}),
    domain,
    ...(attribution.category ? { category: attribution.category } : {}),
    ...(listing ? citingListing(listing, status, coverage?.clauseIds ?? []) : { clauseIds: coverage?.clauseIds ?? [] }),
  };
}

/**
 * A cookie the policy lists by name cites the row that lists it, not every clause that names its
 * party. Should the party-level reading be the stronger one (the party named elsewhere, the row only
 * describing its kind), that reading stands and its clauses are cited too.
 */
function citingListing(listing: CookieListing, status: FindingStatus, clauseIds: readonly string[]) {
  // STATUS_ORDER runs from worst to best: a later status is the stronger disclosure.
  const partyLevelStronger = statusRank(status) > statusRank(listing.status);
  return {
    status: partyLevelStronger ? status : listing.status,
    clauseIds: partyLevelStronger ? [...new Set([...listing.clauseIds, ...clauseIds])] : listing.clauseIds,
    listing,
  };
}
