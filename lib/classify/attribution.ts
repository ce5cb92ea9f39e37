import { z } from 'zod';
import { Party } from '../model/observation';
import { TrackerCategory } from './category';

export const AttributionSourceName = z.enum(['policy', 'builtin', 'trackerdb']);
export type AttributionSourceName = z.infer<typeof AttributionSourceName>;

/**
 * Who a host belongs to, and how we know. Reports carry it next to each observation, so every
 * claim names its source: the site's own policy, our built-in map, Ghostery's trackerdb, or none.
 */
export const Attribution = z.object({
  /** Normalized host: lower case, no leading or trailing dot, no IPv6 brackets. */
  host: z.string(),
  /** eTLD+1 with private suffixes (foo.github.io); the host itself for IPs and single labels. */
  registrableDomain: z.string(),
  party: Party,
  organization: z.string().optional(),
  /** Id in the built-in map when the organization is one we know, whichever source named it. */
  organizationId: z.string().optional(),
  parent: z.string().optional(),
  category: TrackerCategory.optional(),
  /** Product or tracker name ("Google Analytics", "TikTok Pixel") when the source has one. */
  service: z.string().optional(),
  /** Name of the policy party whose declared domains cover this host. */
  policyParty: z.string().optional(),
  /** The declared or known domain that matched: the host or its nearest listed parent. */
  matchedDomain: z.string().optional(),
  /** Where the organization came from; 'none' for a third party nobody knows (still reported). */
  source: z.union([AttributionSourceName, z.literal('none')]),
  /** Where the category came from: a policy names parties, so their category comes from a later source. */
  categorySource: AttributionSourceName.optional(),
});
export type Attribution = z.infer<typeof Attribution>;
