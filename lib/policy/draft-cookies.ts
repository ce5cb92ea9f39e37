import { lifetimeSecondsOf } from './cookie-lifetime';
import { purposeCategoryOf } from './draft-categories';
import { isTheSite } from './draft-name-filters';
import { cookieNamesIn, type TableRow } from './draft-tables';
import type { DeclaredCookie, DeclaredLifetime, PolicyCategory, PolicyParty } from './schema';

/**
 * A cookie table row → the cookies it declares, each with its provider, purpose and lifetime as
 * the row writes them. Names are taken from the cell as written (`_ga_*`, `_gat_<id>`), since the
 * audit matches observed cookies against them.
 */
export function cookiesOfRow(row: TableRow): DeclaredCookie[] | undefined {
  const names = row.cookies === undefined ? undefined : cookieNamesIn(row.cookies);
  if (!names) return undefined;
  const lifetimes = lifetimesFor(row.lifetime, names.length);
  return names.map((name, index) => ({
    name,
    ...(row.provider && { provider: row.provider }),
    ...(row.purpose && { purpose: row.purpose }),
    ...(lifetimes[index] && { lifetime: lifetimes[index] }),
  }));
}

/**
 * One lifetime per name when the cell lists as many as the row names cookies ("_ga, _gid" with
 * "2 years / 24 hours"), else the whole cell for every name.
 */
function lifetimesFor(cell: string | undefined, count: number): (DeclaredLifetime | undefined)[] {
  if (cell === undefined) return [];
  const parts = cell.split(/\s*[/;]\s*|\s*,\s*(?=\D*\d|session)/i).filter((part) => part !== '');
  const texts = count > 1 && parts.length === count ? parts : Array.from({ length: count }, () => cell);
  return texts.map(lifetimeOf);
}

function lifetimeOf(text: string): DeclaredLifetime {
  const seconds = lifetimeSecondsOf(text);
  return { lifetimeText: text, ...(seconds !== undefined && { maxAgeSeconds: seconds }) };
}

export interface CookieRowReading {
  parties: PolicyParty[];
  categories: PolicyCategory[];
  appliesTo: 'first-party' | 'third-party';
  /** Why the row was read this way, where it took judgement. */
  notes: string[];
}

/** "First party", "This website", "Us": a provider cell that says the site sets the cookie itself. */
const THE_SITE_ITSELF = /^(?:first[\s-]?party|(?:this|our) (?:web ?)?site|we|us|own|internal)\b/i;

/**
 * Whose cookies a row lists: the parties its provider cell (or any other cell) names; the site's
 * own when the provider is the site or the row names none; else unnamed third parties of the kind
 * its purpose or section describes.
 */
export function readCookieRow(
  row: TableRow,
  parties: PolicyParty[],
  { heading, siteName }: { heading: string; siteName: string | undefined },
): CookieRowReading {
  if (parties.length > 0) return { parties, categories: [], appliesTo: 'third-party', notes: [] };
  const provider = row.provider;
  if (!provider || THE_SITE_ITSELF.test(provider) || isTheSite(provider, siteName) || isSiteDomain(provider, siteName)) {
    return { parties: [], categories: [], appliesTo: 'first-party', notes: [] };
  }
  const category = purposeCategoryOf(row.purpose ?? '') ?? purposeCategoryOf(heading) ?? 'service-providers';
  return {
    parties: [],
    categories: [category],
    appliesTo: 'third-party',
    notes: [`provider "${provider}" is no name the draft knows: read as ${category}`],
  };
}

function isSiteDomain(provider: string, siteName: string | undefined): boolean {
  const host = provider.toLowerCase().replace(/^\./, '');
  return siteName !== undefined && /^[a-z0-9.-]+\.[a-z]+$/.test(host) && host.split('.').includes(siteName.toLowerCase());
}
