import type { OrganizationByName } from '../classify/trackerdb-organizations';
import type { PolicyInput } from './schema';

/**
 * A draft's parties named only in words get the domains a tracker database knows for that name,
 * so the audit can recognise their hosts; the note says where the domains came from.
 */
export function withKnownDomains(policy: PolicyInput, organizationByName: OrganizationByName): PolicyInput {
  return {
    ...policy,
    declarations: policy.declarations.map((declaration) => {
      let added = false;
      const parties = (declaration.parties ?? []).map((party) => {
        if (party.domains?.length) return party;
        const known = organizationByName(party.organization ?? party.name);
        if (!known) return party;
        added = true;
        return { ...party, organization: party.organization ?? known.organization, domains: known.domains.slice(0, 20) };
      });
      if (!added) return declaration;
      const note = [declaration.note, 'domains of parties named only in words: from trackerdb'].filter(Boolean).join('; ');
      return { ...declaration, parties, note };
    }),
  };
}
