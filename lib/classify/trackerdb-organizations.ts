import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalizeOrganizationName } from './organization-name';

/** An organization trackerdb knows by name, with the domains its trackers use. */
export interface KnownOrganization {
  organization: string;
  domains: string[];
}

export type OrganizationByName = (name: string) => KnownOrganization | undefined;

interface TrackerDbExport {
  organizations: Record<string, { name?: string }>;
  patterns: Record<string, { name?: string; organization?: string | null; domains?: string[] }>;
}

/**
 * trackerdb's organizations by name (and by their trackers' names), for a policy that names a
 * company our built-in map does not know: "ads are served by Zenovia" then covers Zenovia's
 * domains. Node only (reads the package's exported data); CC-BY-NC-SA-4.0 like the rest of
 * trackerdb, so callers honour the same switch (`--no-trackerdb`, AUDITOR_TRACKERDB=off).
 */
export async function loadTrackerDbOrganizations(): Promise<OrganizationByName> {
  const entry = createRequire(import.meta.url).resolve('@ghostery/trackerdb');
  const data = JSON.parse(await readFile(join(dirname(entry), '..', 'trackerdb.json'), 'utf8')) as TrackerDbExport;
  const byKey = new Map<string, KnownOrganization>();
  for (const pattern of Object.values(data.patterns)) {
    if (!pattern.organization || !pattern.domains?.length) continue;
    const name = data.organizations[pattern.organization]?.name ?? pattern.organization;
    const known = byKey.get(pattern.organization) ?? { organization: name, domains: [] };
    known.domains.push(...pattern.domains.filter((d) => !known.domains.includes(d)));
    byKey.set(pattern.organization, known);
  }
  const byName = new Map<string, KnownOrganization>();
  for (const [key, known] of byKey) {
    for (const name of [known.organization, data.organizations[key]?.name]) {
      const normalized = name ? normalizeOrganizationName(name) : '';
      // Short names ("AT", "Co") would match words, not companies.
      if (normalized.length >= 4 && !byName.has(normalized)) byName.set(normalized, known);
    }
  }
  return (name) => byName.get(normalizeOrganizationName(name));
}
