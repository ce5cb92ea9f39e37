import { z } from 'zod';

/**
 * What a third party does for the site, as a closed set so that audit rules and reports can switch
 * on it and a policy's wording ("analytics providers", "advertising partners") can be mapped onto it.
 * Kept small on purpose: every source (policy, built-in map, Ghostery's trackerdb) maps into it.
 */
export const TrackerCategory = z.enum([
  /** Ad serving, programmatic exchanges, retargeting, audience data brokers, affiliate networks. */
  'advertising',
  /** Site analytics, session replay, A/B testing, performance and error monitoring. */
  'analytics',
  /** Marketing automation and e-mail marketing: visitor tracking tied to leads and mailing lists. */
  'marketing',
  /** Social networks and their share/follow/comment widgets. */
  'social-media',
  /** Chat, support, reviews, surveys, personalization, scheduling widgets. */
  'customer-interaction',
  /** Tag managers and customer-data pipelines that load or forward to other vendors. */
  'tag-manager',
  /** Consent management platforms and privacy notices. */
  'consent',
  /** Content delivery networks and shared libraries, fonts, images. */
  'cdn',
  /** Hosting platforms, cloud providers, site builders. */
  'hosting',
  /** Embedded audio and video players. */
  'audio-video',
  /** Payments, sign-in, bot and fraud protection, captchas: needed to deliver the service asked for. */
  'essential',
  'misc',
]);
export type TrackerCategory = z.infer<typeof TrackerCategory>;
