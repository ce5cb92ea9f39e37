import type { Declaration, Policy, Technology } from '../policy/schema';
import { declaredTechnologiesCover } from '../policy/technology';
import type { Attribution } from '../classify/attribution';
import { partyNamesHost } from './attribution';
import { policyCategoriesFor } from './categories';
import type { FindingStatus } from '../model/finding';

/** How the policy covers one piece of third-party evidence, with the clauses behind it. */
export interface Coverage {
  status: Extract<FindingStatus, 'disclosed' | 'disclosed-by-category' | 'technology-not-disclosed' | 'undisclosed'>;
  /** Declaration ids, in policy order. */
  clauseIds: string[];
}

const aboutThirdParties = (d: Declaration) => d.appliesTo !== 'first-party';

/**
 * Pure: how the policy covers a third party's use of a technology, strongest first:
 * 1. disclosed: a clause names the party (by domain or organization) for this technology;
 * 2. disclosed-by-category: a clause's generic wording ("advertising partners") covers the party's
 *    category for this technology. It outranks 3 because the visitor was told, if only vaguely;
 * 3. technology-not-disclosed: the party is named, but only for other technologies;
 * 4. undisclosed: nothing in the policy speaks of it.
 */
export function judgeThirdParty(
  policy: Policy,
  host: string,
  attribution: Attribution,
  technology: Technology,
): Coverage {
  const thirdPartyClauses = policy.declarations.filter(aboutThirdParties);
  const naming = thirdPartyClauses.filter((d) => d.parties.some((p) => partyNamesHost(p, host, attribution)));
  const namingForTechnology = naming.filter((d) => declaredTechnologiesCover(d.technologies, technology));
  if (namingForTechnology.length > 0) return { status: 'disclosed', clauseIds: ids(namingForTechnology) };

  const categories = policyCategoriesFor(attribution.category);
  const byCategory = thirdPartyClauses.filter(
    (d) => d.categories.some((c) => categories.includes(c)) && declaredTechnologiesCover(d.technologies, technology),
  );
  if (byCategory.length > 0) return { status: 'disclosed-by-category', clauseIds: ids(byCategory) };

  if (naming.length > 0) return { status: 'technology-not-disclosed', clauseIds: ids(naming) };
  return { status: 'undisclosed', clauseIds: [] };
}

/**
 * Pure: the clauses in which the site speaks of its own use of a technology. Any request to the
 * site's own servers lands in its logs, so network evidence also cites the log-data clauses. The
 * third-party rule "scripts imply log data" is not applied: "we use cookies" says nothing about logs.
 */
export function firstPartyClauseIds(policy: Policy, technology: Technology, isNetwork: boolean): string[] {
  const observed: Technology[] = isNetwork ? [technology, 'log-data'] : [technology];
  return ids(
    policy.declarations.filter((d) => d.appliesTo !== 'third-party' && d.technologies.some((t) => observed.includes(t))),
  );
}

function ids(declarations: readonly Declaration[]): string[] {
  return declarations.map((d) => d.id);
}
