import { z } from 'zod';
import { ReviewVerdict, type FindingStatus } from '../model/finding';
import type { Observation } from '../model/observation';
import type { PolicyPageAttempt, Report } from '../model/report';
import type { SitePolicyChoice } from '../store/policy-store';
import type { VerdictRecord } from '../store/verdict-store';
import type { PolicyOrigin, PolicyResolution } from './policy-catalog';

/** Messages extension pages (popup, report page, options) send to the background. Validated on arrival. */

const Site = z.string().min(1).max(253);

/** `auto`: the first policy whose first-party domains match; `none`: no policy; else a policy key. */
export const PolicyChoiceValue = z.string().min(1);
export const AUTO_POLICY = 'auto';

export const BackgroundRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flush') }),
  z.object({ type: z.literal('observations'), tabId: z.number().int().optional() }),
  z.object({ type: z.literal('clear') }),
  /**
   * The report for the site a tab shows (popup), or for a site by name (report page). With
   * `firstGroups`, only the findings of that many groups as the list first shows them (and their
   * evidence), the rest counted in `partial`: the popup shows its first screen at once, then asks
   * for the whole report.
   */
  z.object({ type: z.literal('site-report'), tabId: z.number().int().optional(), site: Site.optional(), firstGroups: z.number().int().positive().optional() }),
  z.object({
    type: z.literal('set-verdict'),
    site: Site,
    status: z.string().min(1),
    subject: z.string().min(1),
    verdict: ReviewVerdict.optional(),
    comment: z.string().max(10_000).optional(),
  }),
  z.object({ type: z.literal('new-session'), site: Site }),
  z.object({ type: z.literal('list-policies') }),
  z.object({ type: z.literal('get-policy'), key: z.string().min(1) }),
  z.object({
    type: z.literal('save-policy'),
    file: z.string().min(1).max(300),
    json: z.unknown(),
    origin: z.enum(['imported', 'draft']),
    /** A draft's pasted policy text: its quotes must appear in it. */
    sourceText: z.string().max(2_000_000).optional(),
  }),
  z.object({ type: z.literal('delete-policy'), key: z.string().min(1) }),
  z.object({ type: z.literal('choose-policy'), site: Site, choice: PolicyChoiceValue }),
  /** Find, read and draft the site's own policy (the tab's links first), then judge against the draft. */
  z.object({ type: z.literal('read-site-policy'), site: Site, tabId: z.number().int().optional() }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
export type RequestType = BackgroundRequest['type'];
export type RequestOf<T extends RequestType> = Extract<BackgroundRequest, { type: T }>;

/** One policy as the options page lists it. */
export interface PolicyInfo {
  key: string;
  origin: PolicyOrigin;
  file: string;
  id?: string;
  title?: string;
  siteName?: string;
  firstPartyDomains?: string[];
  declarations?: number;
  /** Set when the policy does not validate; it is then never used. */
  error?: string;
}

export interface PolicyListing {
  policies: PolicyInfo[];
  choices: SitePolicyChoice[];
}

export type SavePolicyResult = { ok: true; key: string } | { ok: false; error: string };

/**
 * Why a report could not be built: the tab shows no web page (a new tab, a browser page), or it
 * is gone. A state the page shows, not an exception.
 */
export interface NotAuditable {
  site: null;
  reason: string;
}

/** What the background answers, per request type. */
export interface ResponseMap {
  flush: true;
  observations: Observation[];
  clear: true;
  'site-report': (SiteReport & { pageUrl?: string }) | NotAuditable;
  'set-verdict': VerdictRecord | null;
  'new-session': { sessionStart: number };
  'list-policies': PolicyListing;
  'get-policy': { key: string; origin: PolicyOrigin; file: string; json: unknown; sourceText?: string } | null;
  'save-policy': SavePolicyResult;
  'delete-policy': true;
  'choose-policy': true;
  'read-site-policy': ReadSitePolicyResult;
}

/** What reading a site's own policy came to: the draft now judging the site, or why there is none. */
export type ReadSitePolicyResult =
  | { ok: true; key: string; urls: string[]; declarations: number; attempts: PolicyPageAttempt[] }
  | { ok: false; error: string; attempts: PolicyPageAttempt[] };

/** What the popup and report page show about the policy in use; a plain object for messaging. */
export interface PolicyStatus {
  state: PolicyResolution['state'];
  key?: string;
  origin?: PolicyOrigin;
  file?: string;
  title?: string;
  siteName?: string;
  /** Where the policy text came from (its `source.url`): for a draft read from the site, that page. */
  sourceUrl?: string;
  error?: string;
}

export interface SiteReport {
  /** Registrable domain: the site session's key. */
  site: string;
  report: Report;
  /** Set when `report` holds only the first screen of findings (see `firstGroups`): the whole report's counts. */
  partial?: PartialCounts;
  policy: PolicyStatus;
  sessionStart?: number;
}

/** What a first-screen report (`firstGroups`) leaves out, counted. */
export interface PartialCounts {
  findings: number;
  observations: number;
  groups: number;
  byStatus: Record<FindingStatus, number>;
}
