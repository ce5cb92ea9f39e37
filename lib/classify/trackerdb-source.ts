import type { TrackerCategory } from './category';
import type { AttributionSource, SourceMatch } from './source';
import { closestCoveringDomain } from './suffix-index';

/**
 * Ghostery's tracker database (@ghostery/trackerdb, CC-BY-NC-SA-4.0) as the last attribution
 * source. It is optional and kept out of everything else on purpose:
 *
 * - Nothing in lib/classify/index.ts imports this module (only its type), and the package itself is
 *   imported dynamically inside loadTrackerDbSource. A bundle that never imports this file
 *   contains neither the matching engine (~260 kB minified, ~95 kB gzipped) nor its data
 *   (dist/trackerdb.engine: 1.7 MB, ~680 kB gzipped).
 * - An MV3 service worker may not import() at run time, so the background bundler inlines the
 *   dynamic import: referencing this module at all puts it in the bundle. To build without it, gate
 *   the reference on a build-time constant, which Vite (WXT) replaces and Rollup then drops:
 *     if (import.meta.env.VITE_AUDITOR_TRACKERDB !== 'off') {
 *       const { loadTrackerDbSource } = await import('~/lib/classify/trackerdb-source');
 *       const bytes = await fetch(browser.runtime.getURL('/trackerdb.engine')).then((r) => r.arrayBuffer());
 *       trackerDb = await loadTrackerDbSource(new Uint8Array(bytes));
 *     }
 *   with node_modules/@ghostery/trackerdb/dist/trackerdb.engine copied into public/.
 * - Node (CLI, tests, benchmarks) uses trackerdb-node.ts, which reads the file from the package and
 *   honours AUDITOR_TRACKERDB=off.
 *
 * Licence: the data is non-commercial (CC-BY-NC-SA-4.0); shipping it in a paid or commercial build
 * needs Ghostery's permission. The built-in map (MIT) is never derived from it.
 */

/** Ghostery's category keys (dist/trackerdb.json "categories") onto our closed set. */
export const GHOSTERY_CATEGORIES: Readonly<Record<string, TrackerCategory>> = {
  advertising: 'advertising',
  pornvertising: 'advertising',
  site_analytics: 'analytics',
  social_media: 'social-media',
  customer_interaction: 'customer-interaction',
  consent: 'consent',
  hosting: 'hosting',
  audio_video_player: 'audio-video',
  // Ghostery's "utilities" are vendors a site runs its service with: payments, captchas, fraud
  // and bot checks, monitoring, tag managers, content platforms. "Essential" is the category of
  // ours for that, and it reads as the policies' "service providers".
  utilities: 'essential',
  // Browser extensions that intercept traffic; not something a site chooses to embed.
  extensions: 'misc',
  misc: 'misc',
};

export function toTrackerCategory(ghosteryCategory: string | undefined): TrackerCategory | undefined {
  return ghosteryCategory === undefined ? undefined : (GHOSTERY_CATEGORIES[ghosteryCategory] ?? 'misc');
}

export interface TrackerDbSource extends AttributionSource {
  readonly name: 'trackerdb';
  /** Milliseconds to import the engine's code and deserialize the data (not to read the file). */
  readonly loadMs: number;
  /** Size of the serialized engine the source was built from. */
  readonly engineBytes: number;
}

/** The parts of a trackerdb match this source reads. */
interface GhosteryMatch {
  pattern?: { name?: string; domains?: readonly string[] } | null;
  category?: { key?: string } | null;
  organization?: { name?: string } | null;
}

/** Builds the source from the serialized engine (dist/trackerdb.engine). */
export async function loadTrackerDbSource(engineBytes: Uint8Array): Promise<TrackerDbSource> {
  const started = performance.now();
  const { default: loadTrackerDb } = await import('@ghostery/trackerdb');
  const db = await loadTrackerDb(engineBytes);
  const loadMs = performance.now() - started;
  return {
    name: 'trackerdb',
    loadMs,
    engineBytes: engineBytes.byteLength,
    lookup(host) {
      // Domain matching only: attribution is per host, and matchUrl costs about three times more.
      const matches = db.matchDomain(host) as readonly GhosteryMatch[];
      return bestMatch(host, matches);
    },
  };
}

/** The match whose listed domain is closest to the host, as with the other sources. */
function bestMatch(host: string, matches: readonly GhosteryMatch[]): SourceMatch | undefined {
  let best: SourceMatch | undefined;
  for (const match of matches) {
    const organization = match.organization?.name ?? match.pattern?.name;
    if (!organization) continue;
    const matchedDomain = closestCoveringDomain(host, match.pattern?.domains ?? []) ?? host;
    if (best && best.matchedDomain.length >= matchedDomain.length) continue;
    const category = toTrackerCategory(match.category?.key);
    best = {
      organization,
      ...(category !== undefined && { category }),
      ...(match.pattern?.name !== undefined && { service: match.pattern.name }),
      matchedDomain,
    };
  }
  return best;
}
