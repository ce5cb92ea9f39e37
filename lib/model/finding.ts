import { z } from 'zod';
import { ObservationKind } from './observation';
import { Technology } from './technology';
import { FINDING_STATUSES } from './vocabulary';

export { STATUS_ORDER } from './vocabulary';

export const FindingStatus = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatus>;

/**
 * What the policy would have to say for an undisclosed finding to be covered, shaped like a policy
 * declaration's `parties` and `technologies` so an author can paste it into the policy file.
 */
export const ProposedDeclaration = z.object({
  parties: z.array(
    z.object({
      name: z.string(),
      domains: z.array(z.string()),
      organization: z.string().optional(),
    }),
  ),
  technologies: z.array(Technology),
});
export type ProposedDeclaration = z.infer<typeof ProposedDeclaration>;

/** How the policy covers one technology a party was seen using: the part of the finding's verdict it explains. */
export const TechnologyCoverage = z.object({
  technology: Technology,
  status: FindingStatus,
  /** Declaration ids, in policy order. */
  clauseIds: z.array(z.string()),
});
export type TechnologyCoverage = z.infer<typeof TechnologyCoverage>;

/** An observed cookie the policy lists by name (a row of a cookie table), and the clause that lists it. */
export const ListedCookie = z.object({
  /** The cookie's name as observed. */
  name: z.string(),
  /** The name or pattern as the policy lists it (`_ga_*`). */
  listedAs: z.string(),
  clauseId: z.string(),
});
export type ListedCookie = z.infer<typeof ListedCookie>;

/**
 * A cookie that lives longer than the policy says it does, beyond a tolerance (10% of the declared
 * lifetime or a day, whichever is longer): the policy understates how long it tracks the visitor.
 */
export const CookieLifetimeExcess = z.object({
  name: z.string(),
  /** The longest lifetime it was set with during the audit. */
  observedSeconds: z.number(),
  /** What the clause declares; null for a session cookie. */
  declaredSeconds: z.number().nullable(),
  /** The declared lifetime in the policy's words ("24 hours"). */
  declaredText: z.string().optional(),
  clauseId: z.string(),
});
export type CookieLifetimeExcess = z.infer<typeof CookieLifetimeExcess>;

/** A privacy reviewer's verdict on a finding: kept across audits of the site, shown in every export. */
export const ReviewVerdict = z.enum(['compliant', 'not-compliant', 'needs-review']);
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;
export const Review = z.object({
  verdict: ReviewVerdict.optional(),
  comment: z.string().optional(),
});
export type Review = z.infer<typeof Review>;

export const Finding = z.object({
  id: z.string().min(1),
  /** Organization name when known, else the registrable domain. */
  subject: z.string(),
  organization: z.string().optional(),
  /** Registrable domains (eTLD+1) the evidence came from. */
  domains: z.array(z.string()),
  category: z.string().optional(),
  kinds: z.array(ObservationKind),
  /** Policy technologies the evidence amounts to (lib/policy/technology.ts); absent in older reports. */
  technologies: z.array(Technology).optional(),
  /** One verdict per party: the worst of its technologies' (see `coverage`). */
  status: FindingStatus,
  clauseIds: z.array(z.string()),
  observationIds: z.array(z.string()),
  /** Per technology the party was seen using, how the policy covers it (third parties judged against a policy). */
  coverage: z.array(TechnologyCoverage).optional(),
  /** Its cookies that the policy lists by name, each with the clause listing it. */
  listedCookies: z.array(ListedCookie).optional(),
  /** Its cookies that outlive the lifetime the policy declares for them: a flag whatever the status. */
  cookieLifetimes: z.array(CookieLifetimeExcess).optional(),
  /**
   * True when every observation behind it was reported by script inside the page (`page-hook`)
   * and nothing the browser itself reported confirms it: the page could have made it up.
   */
  pageClaimOnly: z.boolean().optional(),
  /** On `undisclosed` and `technology-not-disclosed` findings: what the policy would have to add. */
  proposedDeclaration: ProposedDeclaration.optional(),
  review: Review.optional(),
});
export type Finding = z.infer<typeof Finding>;
