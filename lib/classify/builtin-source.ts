import type { BuiltinOrganization } from './builtin-schema';
import { BUILTIN_ORGANIZATIONS } from './builtin-trackers/index';
import type { TrackerCategory } from './category';
import type { AttributionSource } from './source';
import { normalizeOrganizationName } from './organization-name';
import { lookupBySuffix } from './suffix-index';

interface DomainOwner {
  organization: BuiltinOrganization;
  category: TrackerCategory;
  service?: string;
}

export interface DomainConflict {
  domain: string;
  /** Ids of the organizations (or services) that both claim the domain, first claim first. */
  claimedBy: [string, string];
}

/**
 * Maps every domain of the given organizations to its owner. A domain claimed twice keeps its first
 * owner and is reported, so that a data mistake shows up in the unit test instead of silently
 * changing who a host belongs to.
 */
export function indexBuiltinDomains(organizations: readonly BuiltinOrganization[]): {
  index: Map<string, DomainOwner>;
  conflicts: DomainConflict[];
} {
  const index = new Map<string, DomainOwner>();
  const conflicts: DomainConflict[] = [];
  const claim = (domain: string, owner: DomainOwner) => {
    const previous = index.get(domain);
    if (previous) {
      conflicts.push({ domain, claimedBy: [ownerLabel(previous), ownerLabel(owner)] });
      return;
    }
    index.set(domain, owner);
  };
  for (const organization of organizations) {
    for (const domain of organization.domains) claim(domain, { organization, category: organization.category });
    for (const service of organization.services ?? []) {
      for (const domain of service.domains) {
        claim(domain, { organization, category: service.category, service: service.name });
      }
    }
  }
  return { index, conflicts };
}

function ownerLabel(owner: DomainOwner): string {
  return owner.service ? `${owner.organization.id} (${owner.service})` : owner.organization.id;
}

let defaultIndex: Map<string, DomainOwner> | undefined;

/** The built-in map as an attribution source. The default map's index is built once, on first use. */
export function createBuiltinSource(organizations?: readonly BuiltinOrganization[]): AttributionSource {
  const index = organizations
    ? indexBuiltinDomains(organizations).index
    : (defaultIndex ??= indexBuiltinDomains(BUILTIN_ORGANIZATIONS).index);
  return {
    name: 'builtin',
    lookup(host) {
      const found = lookupBySuffix(index, host);
      if (!found) return undefined;
      const { organization, category, service } = found.value;
      return {
        organization: organization.name,
        organizationId: organization.id,
        category,
        ...(organization.parent !== undefined && { parent: organization.parent }),
        ...(service !== undefined && { service }),
        matchedDomain: found.domain,
      };
    },
  };
}

export function listOrganizations(): readonly BuiltinOrganization[] {
  return BUILTIN_ORGANIZATIONS;
}

export { normalizeOrganizationName };

let nameIndex: Map<string, BuiltinOrganization> | undefined;

/** Every organization under its name, id, aliases and service names, normalized. First claim wins. */
export function indexOrganizationNames(
  organizations: readonly BuiltinOrganization[],
): Map<string, BuiltinOrganization> {
  const index = new Map<string, BuiltinOrganization>();
  for (const organization of organizations) {
    const names = [
      organization.name,
      ...(organization.aliases ?? []),
      ...(organization.services ?? []).map((service) => service.name),
    ];
    for (const name of names) {
      const key = normalizeOrganizationName(name);
      if (key && !index.has(key)) index.set(key, organization);
    }
  }
  return index;
}

/**
 * The built-in organization a name refers to, by its name, an alias or one of its products
 * ("DoubleClick", "Google Analytics" → Google; "TRUSTe" → TrustArc). Whole names only: this does
 * not search running text, where short aliases such as "X" would match everywhere.
 */
export function findOrganization(name: string): BuiltinOrganization | undefined {
  nameIndex ??= indexOrganizationNames(BUILTIN_ORGANIZATIONS);
  return nameIndex.get(normalizeOrganizationName(name));
}
