import { registrableDomain } from '../classify/domain';
import type { Policy, PolicyParty } from '../policy/schema';

/**
 * Who a host belongs to, as the audit needs it. lib/classify provides the function; the audit only
 * relies on this shape so that tests can inject a table and classify can evolve.
 */
export type AttributionSource = 'policy' | 'builtin' | 'trackerdb' | 'none';

export interface HostAttribution {
  registrableDomain: string;
  /** Organization name, when the host is known. */
  organization?: string;
  /** Tracker category (lib/classify TrackerCategory or a trackerdb category name). */
  category?: string;
  /** The name the policy itself uses for the party (e.g. TRUSTe for TrustArc), when it names one. */
  partyName?: string;
  source: AttributionSource;
}

/**
 * How a finding names its party: the policy's own word first, so a reviewer finds it in the clause,
 * with the organization behind it when that reads differently ("TRUSTe (TrustArc)").
 */
export function displayName(attribution: HostAttribution): string | undefined {
  const { organization, partyName } = attribution;
  if (!organization) return partyName;
  if (!partyName || organizationKey(partyName) === organizationKey(organization)) return partyName ?? organization;
  return `${partyName} (${organization})`;
}

export type AttributeHost = (host: string) => HostAttribution;

/**
 * Comparable form of an organization name, so "ShareThis, Inc.", "sharethis" and "Act-On" /
 * "act-on" (tracker database keys) meet. Legal-form suffixes are dropped; so is punctuation.
 */
export function organizationKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[,.]?\s+(inc|llc|ltd|limited|corp|corporation|co|gmbh|ag|sa|sas|bv|plc)\.?$/, '')
    .replace(/[^a-z0-9]/g, '');
}

/** The organization a policy party stands for: the tracker-database name when given, else its own. */
export function partyOrganization(party: PolicyParty): string {
  return party.organization ?? party.name;
}

/** Whether `host` is one of the party's domains or a subdomain of one; returns the domain's length. */
function matchedDomainLength(party: PolicyParty, host: string): number {
  let best = 0;
  for (const domain of party.domains ?? []) {
    if ((host === domain || host.endsWith(`.${domain}`)) && domain.length > best) best = domain.length;
  }
  return best;
}

/** The party whose listed domain matches `host` most specifically; the first declared wins ties. */
export function policyPartyForHost(policy: Policy, host: string): PolicyParty | undefined {
  let best: PolicyParty | undefined;
  let bestLength = 0;
  for (const declaration of policy.declarations) {
    for (const party of declaration.parties) {
      const length = matchedDomainLength(party, host);
      if (length > bestLength) [best, bestLength] = [party, length];
    }
  }
  return best;
}

/**
 * Attribution where the policy's own party domains take precedence: the policy author said who
 * these hosts are. The injected attribution still supplies the category, which decides coverage
 * by generic wording.
 */
export function attributeWithPolicy(policy: Policy | undefined, attribute: AttributeHost): AttributeHost {
  return (host) => {
    const bare = host.replace(/^\.+/, '').toLowerCase();
    const fromAttribute = attribute(bare);
    const base: HostAttribution = {
      ...fromAttribute,
      registrableDomain: fromAttribute.registrableDomain || registrableDomain(bare),
    };
    const party = policy && policyPartyForHost(policy, bare);
    if (!party) return base;
    return { ...base, organization: partyOrganization(party), partyName: party.name, source: 'policy' };
  };
}

/** Whether a party named in the policy is the organization a host was attributed to. */
export function partyIsOrganization(party: PolicyParty, organization: string | undefined): boolean {
  if (!organization) return false;
  const key = organizationKey(organization);
  return key !== '' && (organizationKey(party.name) === key || organizationKey(partyOrganization(party)) === key);
}

/** Whether the party is named for this host: by one of its domains, or as the host's organization. */
export function partyNamesHost(party: PolicyParty, host: string, attribution: HostAttribution): boolean {
  return matchedDomainLength(party, host) > 0 || partyIsOrganization(party, attribution.organization);
}
