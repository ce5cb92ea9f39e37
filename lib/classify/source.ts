import type { AttributionSourceName } from './attribution';
import type { TrackerCategory } from './category';

/** What one source knows about a host. */
export interface SourceMatch {
  organization: string;
  /** Id in the built-in map; the built-in source always knows it. */
  organizationId?: string;
  /** Absent when the source knows who, not what (a policy names parties, not categories). */
  category?: TrackerCategory;
  parent?: string;
  /** Product or tracker name when the source has one ("Google Analytics", "TikTok Pixel"). */
  service?: string;
  /** Name of the policy party whose declared domains matched; policy source only. */
  policyParty?: string;
  /** The known domain that matched: the host itself or the nearest parent domain listed. */
  matchedDomain: string;
}

/**
 * Answers "who operates this host?". Lookups take a normalized host (see normalizeHost) and must be
 * synchronous and side-effect free: the classifier calls them once per distinct host in hot loops.
 *
 * Attribution is per host, not per URL: a URL-level matcher would put one host under two
 * organizations and defeat the classifier's per-host cache.
 */
export interface AttributionSource {
  readonly name: AttributionSourceName;
  lookup(host: string): SourceMatch | undefined;
}
