import type { Attribution } from '../classify/attribution';
import { sameOrganization } from '../classify/organization-name';
import { partyDomainFor } from '../classify/policy-source';
import type { PolicyParty } from '../policy/schema';

/**
 * "Who is this host, and is it the site's own?" is lib/classify's question; the audit only asks
 * it, through this function, and never answers it a second way. The classifier it is given must
 * know the policy's parties and first-party domains (buildReport sets it up so).
 */
export type AttributeHost = (host: string) => Attribution;

/**
 * How a finding names its party: the policy's own word first, so a reviewer finds it in the clause,
 * with the organization behind it when that reads differently ("TRUSTe (TrustArc)").
 */
export function displayName(attribution: Attribution): string | undefined {
  const { organization, policyParty } = attribution;
  if (!organization) return policyParty;
  if (!policyParty || sameOrganization(policyParty, organization)) return policyParty ?? organization;
  return `${policyParty} (${organization})`;
}

/** Whether a party named in the policy is the organization a host was attributed to. */
function partyIsOrganization(party: PolicyParty, organization: string | undefined): boolean {
  if (!organization) return false;
  return sameOrganization(party.name, organization) || (party.organization !== undefined && sameOrganization(party.organization, organization));
}

/** Whether the party is named for this host: by one of its domains, or as the host's organization. */
export function partyNamesHost(party: PolicyParty, host: string, attribution: Attribution): boolean {
  return (party.domains !== undefined && partyDomainFor({ ...party, domains: party.domains }, host) !== undefined) || partyIsOrganization(party, attribution.organization);
}
