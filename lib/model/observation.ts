import { z } from 'zod';
import { OBSERVATION_KINDS } from './vocabulary';

/**
 * One thing a site did to its visitor, as seen by one of our collectors.
 * Field names are part of the report contract (report.schema.json): keep them stable.
 */
export const ObservationKind = z.enum(OBSERVATION_KINDS);
export type ObservationKind = z.infer<typeof ObservationKind>;

export const Party = z.enum(['first', 'third']);
export type Party = z.infer<typeof Party>;

/**
 * Where the evidence came from. A `page-hook` observation was reported by code running in the
 * page's own world, which the page can forge: it is attribution, never proof on its own.
 */
export const ObservationSource = z.enum(['network', 'browser-api', 'page-hook']);
export type ObservationSource = z.infer<typeof ObservationSource>;

export const CookieDetails = z.object({
  domain: z.string(),
  path: z.string(),
  /** Seconds from when it was set until it expires; null for a session cookie. */
  lifetimeSeconds: z.number().nullable(),
  secure: z.boolean().optional(),
  httpOnly: z.boolean().optional(),
  sameSite: z.string().optional(),
});
export type CookieDetails = z.infer<typeof CookieDetails>;

export const StorageDetails = z.object({
  area: z.enum(['localStorage', 'sessionStorage', 'indexedDB', 'cache', 'serviceWorker']),
  origin: z.string(),
  key: z.string().optional(),
  /** The key's (or name's) full length when `key` holds only its first 256 characters. */
  keyLength: z.number().int().positive().optional(),
  valueSize: z.number().int().nonnegative().optional(),
  /** A short preview, absent when the user chose to keep no values. */
  valuePreview: z.string().optional(),
});
export type StorageDetails = z.infer<typeof StorageDetails>;

export const Observation = z.object({
  id: z.string().min(1),
  kind: ObservationKind,
  /** The top-level page the visitor was on. */
  pageUrl: z.string(),
  /** The request URL, or the URL of the frame/script responsible. */
  url: z.string().optional(),
  /** The URL's full length when `url` holds only its first 4,096 characters (what the extension's database keeps). */
  urlLength: z.number().int().positive().optional(),
  /** Host the data went to or came from (for cookies: the cookie's domain without a leading dot). */
  host: z.string(),
  /** webRequest resource type names: script, image, xmlhttprequest, ping, sub_frame, … */
  resourceType: z.string().optional(),
  /** Cookie name, storage key or database/cache name. */
  name: z.string().optional(),
  /** How it happened: for cookies http | js | api; for beacons send-beacon | a-ping | keepalive | pixel. */
  via: z.array(z.string()).optional(),
  party: Party,
  /** Milliseconds since the epoch. */
  time: z.number(),
  source: ObservationSource.default('network'),
  /** Independent sources that saw the same thing (e.g. a page-hook cookie the cookies API confirmed). */
  confirmedBy: z.array(ObservationSource).optional(),
  tabId: z.number().int().optional(),
  frameUrl: z.string().optional(),
  initiator: z.string().optional(),
  method: z.string().optional(),
  statusCode: z.number().int().optional(),
  responseBytes: z.number().int().nonnegative().optional(),
  /** Set when the request failed or was blocked: it still left the browser. */
  error: z.string().optional(),
  /** Id of the observation of the previous hop in a redirect chain. */
  redirectedFrom: z.string().optional(),
  /** Site session (top-level registrable domain, across tabs and navigations). */
  sessionId: z.string().optional(),
  cookie: CookieDetails.optional(),
  storage: StorageDetails.optional(),
  /**
   * On a cookie or storage write by script: `page-claim` when the writing script in `url` is only
   * the page's word (the page had altered the stack machinery in a way the hook could not undo),
   * so it is a hint and never credits the write to a third party. Absent, `url` was read from the
   * browser's own record of the calls that led to the write.
   */
  writerEvidence: z.literal('page-claim').optional(),
  /** Why a beacon or flash observation was classified as such, in words. */
  reason: z.string().optional(),
  /** The consent the run gave the site's banner before this was seen (headless CLI --consent). */
  consent: z.enum(['none', 'accept', 'reject']).optional(),
});
export type Observation = z.infer<typeof Observation>;
export type ObservationInput = z.input<typeof Observation>;
