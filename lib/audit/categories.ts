import type { PolicyCategory } from '../policy/schema';

/**
 * Which generic wording of a policy covers a tracker of a given category. The categories come from
 * the attribution (lib/classify's TrackerCategory, or Ghostery trackerdb names such as
 * `site_analytics`, normalized to kebab case). A category missing here (misc, extensions, unknown)
 * is covered by no generic wording: such a party must be named.
 */
const POLICY_CATEGORIES_BY_TRACKER_CATEGORY: Readonly<Record<string, readonly PolicyCategory[]>> = {
  advertising: ['advertising-partners'],
  pornvertising: ['advertising-partners'],
  analytics: ['analytics-providers'],
  'site-analytics': ['analytics-providers'],
  // Marketing automation (Act-On, HubSpot) tracks visitors for the site's own marketing: analytics
  // done by a provider working for the site, not advertising on other sites.
  marketing: ['analytics-providers', 'service-providers'],
  'social-media': ['social-media-features'],
  // Chat, support and reviews are both a feature on the site and a service bought by the site.
  'customer-interaction': ['feature-partners', 'service-providers'],
  'audio-video': ['feature-partners'],
  'audio-video-player': ['feature-partners'],
  utilities: ['feature-partners', 'service-providers'],
  // Infrastructure the site pays for to run: the policies' "service providers".
  'tag-manager': ['service-providers'],
  consent: ['service-providers'],
  cdn: ['service-providers'],
  hosting: ['service-providers'],
  essential: ['service-providers'],
};

/** Pure: the policy categories whose generic wording covers a tracker category. */
export function policyCategoriesFor(trackerCategory: string | undefined): readonly PolicyCategory[] {
  if (!trackerCategory) return [];
  const key = trackerCategory.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return POLICY_CATEGORIES_BY_TRACKER_CATEGORY[key] ?? [];
}
