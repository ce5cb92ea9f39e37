import type { Declaration, Policy, Technology } from '../policy/schema';
import { declaredTechnologiesCover } from '../policy/technology';
import type { Attribution } from '../classify/attribution';
import { partyClauses, type PartyClauses } from './party-clauses';
import type { FindingStatus } from '../model/finding';

/** How the policy covers one piece of third-party evidence, with the clauses behind it. */
export interface Coverage {
  status: Extract<FindingStatus, 'disclosed' | 'disclosed-by-category' | 'technology-not-disclosed' | 'undisclosed'>;
  /** Declaration ids, in policy order. */
  clauseIds: string[];
}

/**
 * Requests that deliver a party's service to the page: its scripts, frames and the plain requests
 * for styles, fonts, images and API calls. A policy that names a party (or describes its kind of
 * partner) has told the visitor it is on the page; these need no technology of their own.
 */
const SERVICE_DELIVERY: ReadonlySet<Technology> = new Set(['script', 'widget', 'log-data']);

/**
 * Statements about partners in general: "we and our partners use cookies, pixels and local
 * storage", or technologies used by unnamed third parties of no stated kind. What they state
 * applies to every partner the policy names or describes, not only in the clause they stand in.
 */
function generalStatements(policy: Policy): readonly Declaration[] {
  let found = GENERAL.get(policy);
  if (!found) {
    found = policy.declarations.filter(
      (d) => d.appliesTo === 'both' || (d.appliesTo !== 'first-party' && d.parties.length === 0 && d.categories.length === 0),
    );
    GENERAL.set(policy, found);
  }
  return found;
}

const GENERAL = new WeakMap<Policy, readonly Declaration[]>();

/**
 * Pure: how the policy covers a third party's use of a technology, as a privacy reviewer reads it,
 * strongest first:
 * 1. disclosed: a clause names the party (by domain or organization) and the technology is stated
 *    for it, stated for partners in general, or is only the delivery of its service;
 * 2. disclosed-by-category: the same, where the clause describes the party's kind ("advertising
 *    partners") instead of naming it. It outranks 3 because the visitor was told, if only vaguely;
 * 3. technology-not-disclosed: the party is named, but the tracking technology seen (cookies,
 *    storage, beacons, Flash) is stated for neither it nor partners in general;
 * 4. undisclosed: nothing in the policy speaks of it.
 */
export function judgeThirdParty(
  policy: Policy,
  host: string,
  attribution: Attribution,
  technology: Technology,
): Coverage {
  // Every observation of a host and technology gets the same answer: judged once, copied out.
  const clauses = partyClauses(policy, host, attribution);
  let byTechnology = JUDGED.get(clauses);
  if (!byTechnology) JUDGED.set(clauses, (byTechnology = new Map()));
  let coverage = byTechnology.get(technology);
  if (!coverage) byTechnology.set(technology, (coverage = judge(policy, clauses, technology)));
  return { status: coverage.status, clauseIds: [...coverage.clauseIds] };
}

const JUDGED = new WeakMap<PartyClauses, Map<Technology, Coverage>>();

function judge(policy: Policy, { naming, describing }: PartyClauses, technology: Technology): Coverage {
  const statesIt = (d: Declaration) => declaredTechnologiesCover(d.technologies, technology);
  const general = generalStatements(policy).filter(statesIt);
  const impliedFor = (clauses: readonly Declaration[]) =>
    SERVICE_DELIVERY.has(technology) ? clauses : general.length > 0 ? [...clauses, ...general] : [];

  const namingForIt = naming.filter(statesIt);
  if (namingForIt.length > 0) return { status: 'disclosed', clauseIds: ids(namingForIt) };
  if (naming.length > 0 && impliedFor(naming).length > 0) return { status: 'disclosed', clauseIds: ids(impliedFor(naming)) };

  const describingForIt = describing.filter(statesIt);
  if (describingForIt.length > 0) return { status: 'disclosed-by-category', clauseIds: ids(describingForIt) };
  if (describing.length > 0 && impliedFor(describing).length > 0) {
    return { status: 'disclosed-by-category', clauseIds: ids(impliedFor(describing)) };
  }

  if (naming.length > 0) return { status: 'technology-not-disclosed', clauseIds: ids(naming) };
  return { status: 'undisclosed', clauseIds: [] };
}

/**
 * Pure: the clauses in which the site speaks of its own use of a technology. Any request to the
 * site's own servers lands in its logs, so network evidence also cites the log-data clauses. The
 * third-party rule "scripts imply log data" is not applied: "we use cookies" says nothing about logs.
 * A clause that lists cookies by name is cited for those cookies only, by their listing.
 */
export function firstPartyClauseIds(policy: Policy, technology: Technology, isNetwork: boolean): string[] {
  const observed: Technology[] = isNetwork ? [technology, 'log-data'] : [technology];
  const listsOtherCookies = (d: Declaration) => technology === 'cookie' && (d.cookies?.length ?? 0) > 0;
  return ids(
    policy.declarations.filter(
      (d) => d.appliesTo !== 'third-party' && d.technologies.some((t) => observed.includes(t)) && !listsOtherCookies(d),
    ),
  );
}

function ids(declarations: readonly Declaration[]): string[] {
  return [...new Set(declarations.map((d) => d.id))];
}
