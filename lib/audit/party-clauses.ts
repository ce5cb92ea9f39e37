import type { Attribution } from '../classify/attribution';
import type { Declaration, Policy } from '../policy/schema';
import { partyNamesHost } from './attribution';
import { policyCategoriesFor } from './categories';

/** The policy's clauses that speak of one third party, in policy order. */
export interface PartyClauses {
  /** Clauses about third parties that name it: by one of a party's domains, or as its organization. */
  naming: readonly Declaration[];
  /** Clauses about third parties that describe its kind ("advertising partners"). */
  describing: readonly Declaration[];
}

/** Hosts kept per policy; past it the memo starts again. */
const MEMO_HOSTS = 5_000;
const memo = new WeakMap<Policy, Map<string, PartyClauses & Pick<Attribution, 'organization' | 'category'>>>();

/**
 * Which clauses speak of the party behind `host`. Every observation of a host asks the same
 * question, and the answer depends only on the policy, the host, its organization and its
 * category: it is worked out once per host, not once per observation (a merge of 100,000
 * observations otherwise compared every party's names 25 million times).
 */
export function partyClauses(policy: Policy, host: string, attribution: Attribution): PartyClauses {
  let byHost = memo.get(policy);
  if (!byHost) memo.set(policy, (byHost = new Map()));
  const { organization, category } = attribution;
  const known = byHost.get(host);
  if (known && known.organization === organization && known.category === category) return known;
  const aboutThirdParties = policy.declarations.filter((d) => d.appliesTo !== 'first-party');
  const categories = policyCategoriesFor(category);
  const found = {
    organization,
    category,
    naming: aboutThirdParties.filter((d) => d.parties.some((p) => partyNamesHost(p, host, attribution))),
    describing: aboutThirdParties.filter((d) => d.categories.some((c) => categories.includes(c))),
  };
  if (byHost.size >= MEMO_HOSTS) byHost.clear();
  byHost.set(host, found);
  return found;
}
