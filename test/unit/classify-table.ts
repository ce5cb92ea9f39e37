import type { AttributeHost } from '../../lib/audit/attribution';
import type { TrackerCategory } from '../../lib/classify/category';
import { createClassifier } from '../../lib/classify/classifier';
import type { AttributionSource } from '../../lib/classify/source';
import type { Policy } from '../../lib/policy/schema';

/** What a test says lib/classify knows about a registrable domain. */
export interface KnownHost {
  organization?: string;
  category?: TrackerCategory;
}

/**
 * The real classifier (policy parties first, first/third party from the site's domains) with a
 * table standing in for the built-in map and trackerdb, so audit tests read like the policy.
 */
export function tableClassifier(known: Readonly<Record<string, KnownHost>>, siteDomains: readonly string[], policy?: Policy): AttributeHost {
  const table: AttributionSource = {
    name: 'trackerdb',
    lookup(host) {
      const domain = Object.keys(known).find((d) => host === d || host.endsWith(`.${d}`));
      const entry = domain === undefined ? undefined : known[domain];
      if (!entry?.organization) return undefined;
      return { organization: entry.organization, ...(entry.category ? { category: entry.category } : {}), matchedDomain: domain! };
    },
  };
  const { classify } = createClassifier({
    siteDomains: [...siteDomains, ...(policy?.site.firstPartyDomains ?? [])],
    policyParties: policy?.declarations.flatMap((d) => d.parties.map((p) => ({ ...p, domains: p.domains ?? [] }))),
    builtin: false,
    trackerDb: table,
  });
  return classify;
}
