import type { TrackerCategory } from '../classify/category';
import type { PolicyCategory } from '../policy/schema';

/**
 * Which generic wording of a policy covers a tracker of a given category (lib/classify's closed set,
 * into which every attribution source maps its own names). `misc` is covered by no generic
 * wording: such a party must be named.
 */
const POLICY_CATEGORIES_BY_TRACKER_CATEGORY: Readonly<Record<TrackerCategory, readonly PolicyCategory[]>> = {
  advertising: ['advertising-partners'],
  analytics: ['analytics-providers'],
  // Marketing automation (Act-On, HubSpot) tracks visitors for the site's own marketing: analytics
  // done by a provider working for the site, not advertising on other sites.
  marketing: ['analytics-providers', 'service-providers'],
  'social-media': ['social-media-features'],
  // Chat, support and reviews are both a feature on the site and a service bought by the site.
  'customer-interaction': ['feature-partners', 'service-providers', 'customer-support'],
  'audio-video': ['feature-partners'],
  // Infrastructure the site pays for to run: the policies' "service providers".
  'tag-manager': ['service-providers'],
  consent: ['service-providers'],
  // A policy that names its hosting or payment companies only by kind still covers them.
  cdn: ['service-providers', 'hosting-providers'],
  hosting: ['service-providers', 'hosting-providers'],
  essential: ['service-providers', 'payment-processors'],
  misc: [],
};

/** Pure: the policy categories whose generic wording covers a tracker category. */
export function policyCategoriesFor(trackerCategory: string | undefined): readonly PolicyCategory[] {
  if (trackerCategory === undefined || !Object.hasOwn(POLICY_CATEGORIES_BY_TRACKER_CATEGORY, trackerCategory)) return [];
  return POLICY_CATEGORIES_BY_TRACKER_CATEGORY[trackerCategory as TrackerCategory];
}
