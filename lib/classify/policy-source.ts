import { parse } from 'tldts';
import { hostOf } from './domain';
import type { AttributionSource } from './source';
import { closestCoveringDomain, lookupBySuffix } from './suffix-index';

/**
 * A third party as a privacy policy declares it. Structural on purpose, so lib/policy can pass its
 * own declaration objects without a conversion step.
 */
export interface PolicyParty {
  /** The name the policy uses ("Act-On", "our analytics provider Google Analytics"). */
  name: string;
  /** The company behind it, when the policy or its editor names one; else `name` is reported. */
  organization?: string;
  /** Domains the policy lists for the party: hosts, `*.host` wildcards or URLs. */
  domains: readonly string[];
}

/**
 * The host a policy means by one of its domain entries, or undefined when the entry cannot name
 * one operator: an ICANN suffix such as `com` or `co.uk` would claim everyone's hosts. Private
 * suffixes (`cloudfront.net`) are kept: one company runs them.
 */
export function normalizeDeclaredDomain(entry: string): string | undefined {
  let text = entry.trim().toLowerCase();
  if (text.includes('://')) text = hostOf(text);
  text = text.replace(/^\*\./, '').replace(/[/?#].*$/, '').replace(/^\.+/, '').replace(/\.+$/, '');
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (!text) return undefined;
  const parsed = parse(text, { allowPrivateDomains: true });
  if (parsed.isIp) return parsed.hostname ?? text;
  if (parsed.domain === null && parsed.isIcann) return undefined;
  return parsed.hostname ?? undefined;
}

/**
 * Hosts the site's own policy attributes to its parties. A domain listed for two parties stays with
 * the first, as the policy reads top to bottom; a deeper entry (`analytics.example.com`) beats a
 * shallower one for its own hosts.
 */
export function createPolicySource(parties: readonly PolicyParty[]): AttributionSource {
  const index = new Map<string, PolicyParty>();
  for (const party of parties) {
    for (const entry of party.domains) {
      const domain = normalizeDeclaredDomain(entry);
      if (domain && !index.has(domain)) index.set(domain, party);
    }
  }
  return {
    name: 'policy',
    lookup(host) {
      const found = lookupBySuffix(index, host);
      if (!found) return undefined;
      const party = found.value;
      return { organization: party.organization ?? party.name, policyParty: party.name, matchedDomain: found.domain };
    },
  };
}

/** Each party's domain list normalized once: a report asks it for every host seen, and parsing dominated. */
const normalizedLists = new WeakMap<readonly string[], string[]>();

/** The party's declared domain that covers `host` (normalized as the policy source reads it), if any. */
export function partyDomainFor(party: PolicyParty, host: string): string | undefined {
  let domains = normalizedLists.get(party.domains);
  if (!domains) {
    domains = party.domains.flatMap((entry) => normalizeDeclaredDomain(entry) ?? []);
    normalizedLists.set(party.domains, domains);
  }
  return closestCoveringDomain(host, domains);
}
