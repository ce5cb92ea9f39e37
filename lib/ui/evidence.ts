import type { Finding } from '../model/finding';
import { formatLifetime } from '../export/format';
import type { Observation } from '../model/observation';

/*
 * The proof behind one finding, shaped for display: deduplicated (a tracker firing on every page
 * must not fill the list with one URL), counted, and capped so a finding with 10,000 observations
 * still expands instantly. Computed only when a row is expanded.
 */

/** Items kept per evidence list; `hidden` says how many more there were. */
export const EVIDENCE_LIMIT = 25;

export interface Capped<T> {
  items: T[];
  hidden: number;
}

export interface UrlEvidence {
  url: string;
  /** resource type or kind, and for beacons how they were sent. */
  how: string;
  count: number;
  error?: string;
  /** Reported by script in the page, which the page can forge: attribution, not proof. */
  pageReported: boolean;
}

export interface CookieEvidence {
  name: string;
  /** domain + path the cookie is scoped to. */
  scope: string;
  lifetime: string;
  flags: string[];
  via: string[];
  count: number;
  pageReported: boolean;
}

export interface StorageEvidence {
  area: string;
  key: string;
  origin: string;
  valueSize?: number;
  count: number;
  pageReported: boolean;
}

export interface FindingEvidence {
  urls: Capped<UrlEvidence>;
  cookies: Capped<CookieEvidence>;
  storage: Capped<StorageEvidence>;
  /** Top-level pages the evidence was seen on. */
  pages: Capped<string>;
  /** Observation ids of the finding missing from the report (should not happen; shown, not hidden). */
  missing: number;
}

/** Map for repeated look-ups; build it once per report. */
export function indexObservations(observations: readonly Observation[]): Map<string, Observation> {
  return new Map(observations.map((o) => [o.id, o]));
}

export function cookieFlags(o: Observation): string[] {
  const c = o.cookie;
  if (!c) return [];
  return [c.secure && 'Secure', c.httpOnly && 'HttpOnly', c.sameSite && `SameSite=${c.sameSite}`].filter(
    (flag): flag is string => typeof flag === 'string',
  );
}

class Tally<T extends { count: number }> {
  private readonly entries = new Map<string, T>();
  add(key: string, create: () => T): void {
    const existing = this.entries.get(key);
    if (existing) existing.count += 1;
    else this.entries.set(key, create());
  }
  capped(limit: number): Capped<T> {
    const all = [...this.entries.values()];
    return { items: all.slice(0, limit), hidden: Math.max(0, all.length - limit) };
  }
}

export function evidenceFor(
  finding: Finding,
  observationsById: ReadonlyMap<string, Observation>,
  limit = EVIDENCE_LIMIT,
): FindingEvidence {
  const urls = new Tally<UrlEvidence>();
  const cookies = new Tally<CookieEvidence>();
  const storage = new Tally<StorageEvidence>();
  const pages = new Set<string>();
  let missing = 0;
  for (const id of finding.observationIds) {
    const o = observationsById.get(id);
    if (!o) {
      missing += 1;
      continue;
    }
    pages.add(o.pageUrl);
    const pageReported = o.source === 'page-hook';
    if (o.kind === 'cookie') {
      const scope = o.cookie ? `${o.cookie.domain}${o.cookie.path}` : o.host;
      const name = o.name ?? '(unnamed)';
      cookies.add(`${name}\n${scope}`, () => ({
        name,
        scope,
        lifetime: o.cookie ? formatLifetime(o.cookie.lifetimeSeconds) : 'lifetime unknown',
        flags: cookieFlags(o),
        via: o.via ?? [],
        count: 1,
        pageReported,
      }));
    } else if (o.kind === 'storage') {
      const area = o.storage?.area ?? 'storage';
      const key = o.storage?.key ?? o.name ?? '(no key)';
      const origin = o.storage?.origin ?? o.host;
      storage.add(`${area}\n${origin}\n${key}`, () => ({
        area,
        key,
        origin,
        ...(o.storage?.valueSize === undefined ? {} : { valueSize: o.storage.valueSize }),
        count: 1,
        pageReported,
      }));
    } else {
      const url = o.url ?? o.host;
      const how = [o.kind === 'request' ? o.resourceType : o.kind, ...(o.kind === 'beacon' ? (o.via ?? []) : [])]
        .filter(Boolean)
        .join(', ');
      urls.add(`${url}\n${how}`, () => ({
        url,
        how,
        count: 1,
        ...(o.error ? { error: o.error } : {}),
        pageReported,
      }));
    }
  }
  const allPages = [...pages];
  return {
    urls: urls.capped(limit),
    cookies: cookies.capped(limit),
    storage: storage.capped(limit),
    pages: { items: allPages.slice(0, limit), hidden: Math.max(0, allPages.length - limit) },
    missing,
  };
}
