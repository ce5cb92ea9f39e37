import type { Attribution, AttributionSourceName } from './attribution';
import type { BuiltinOrganization } from './builtin-schema';
import { createBuiltinSource, findOrganization } from './builtin-source';
import type { TrackerCategory } from './category';
import { normalizeHost, registrableDomain } from './domain';
import { createPolicySource, normalizeDeclaredDomain, type PolicyParty } from './policy-source';
import type { AttributionSource, SourceMatch } from './source';

export interface ClassifierOptions {
  /**
   * The site's own registrable domains: the policy's first-party domains, else the top-level
   * page's registrable domain. Chosen by the caller; hosts, wildcards and URLs are accepted.
   */
  siteDomains: readonly string[];
  /** Parties the policy declares, with their domains. Consulted first. */
  policyParties?: readonly PolicyParty[];
  /**
   * A loaded trackerdb source (see trackerdb-source.ts / trackerdb-node.ts), consulted last, or
   * false/absent to leave it out. Loading is the caller's async step so classify stays synchronous.
   */
  trackerDb?: AttributionSource | false;
  /** Replaces the built-in map (tests); false leaves it out. */
  builtin?: readonly BuiltinOrganization[] | false;
}

export interface Classifier {
  /** Synchronous and memoized per host: safe to call in loops over thousands of observations. */
  classify(host: string): Attribution;
}

/**
 * Attributes hosts to organizations from, in order: the site's policy, the built-in map,
 * trackerdb. The first source that knows the host names the organization; if it gives no category,
 * the next source that knows the host supplies one. Unknown third parties are still returned,
 * with source 'none'.
 */
export function createClassifier(options: ClassifierOptions): Classifier {
  const firstPartyDomains = new Set(
    options.siteDomains.flatMap((entry) => {
      const domain = normalizeDeclaredDomain(entry);
      return domain ? [registrableDomain(domain)] : [];
    }),
  );
  const sources: AttributionSource[] = [];
  if (options.policyParties?.length) sources.push(createPolicySource(options.policyParties));
  if (options.builtin !== false) sources.push(createBuiltinSource(options.builtin));
  if (options.trackerDb) sources.push(options.trackerDb);

  const cache = new Map<string, Attribution>();

  function attribute(host: string): Attribution {
    const domain = registrableDomain(host);
    const party = firstPartyDomains.has(domain) ? 'first' : 'third';
    let named: { source: AttributionSourceName; match: SourceMatch } | undefined;
    let categorized: { source: AttributionSourceName; category: TrackerCategory } | undefined;
    for (const source of sources) {
      const match = source.lookup(host);
      if (!match) continue;
      named ??= { source: source.name, match };
      if (match.category) {
        categorized = { source: source.name, category: match.category };
        break;
      }
    }
    if (!named) return Object.freeze({ host, registrableDomain: domain, party, source: 'none' as const });
    const { match } = named;
    // Links a policy's or trackerdb's name to our map, so the audit can compare ids, not spellings.
    const organizationId = match.organizationId ?? findOrganization(match.organization)?.id;
    return Object.freeze({
      host,
      registrableDomain: domain,
      party,
      organization: match.organization,
      ...(organizationId !== undefined && { organizationId }),
      ...(match.parent !== undefined && { parent: match.parent }),
      ...(categorized && { category: categorized.category }),
      ...(match.service !== undefined && { service: match.service }),
      ...(match.policyParty !== undefined && { policyParty: match.policyParty }),
      matchedDomain: match.matchedDomain,
      source: named.source,
      ...(categorized && { categorySource: categorized.source }),
    });
  }

  return {
    classify(rawHost) {
      // Keyed by the host as given too, so a repeated host costs one Map lookup, not a normalization.
      const cached = cache.get(rawHost);
      if (cached) return cached;
      const host = normalizeHost(rawHost);
      let attribution = cache.get(host);
      if (!attribution) {
        attribution = attribute(host);
        cache.set(host, attribution);
      }
      if (rawHost !== host) cache.set(rawHost, attribution);
      return attribution;
    },
  };
}
