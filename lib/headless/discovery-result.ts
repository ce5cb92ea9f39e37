import type { PolicyInUse } from '../audit/build-report';
import type { PolicyPageAttempt } from '../model/report';
import type { AnchorSeen } from '../policy/discover-links';
import type { PolicyInput } from '../policy/schema';
import { attemptText } from '../export/policy-attempts';

/*
 * What policy discovery takes and gives, apart from the discovery itself (policy-discovery.ts),
 * which loads the draft reader and its language library only when a run reads a policy.
 */

/** The file the draft is written to beside the report, and named by in errors. */
export const DRAFT_FILE = 'policy.draft.json';

export interface DiscoveryRequest {
  /** The first audited page: whose site's policy is wanted. */
  siteUrl: string;
  /** Links seen on the audited pages. */
  anchors: readonly AnchorSeen[];
  /** `--policy-url`: the pages to read, instead of looking for them. */
  policyUrls: readonly string[];
  pageTimeoutMs: number;
  /** Milliseconds since the epoch, for `readAt`. */
  now: () => number;
  /** Give parties the policy names only in words the domains trackerdb knows for them. */
  trackerDbNames: boolean;
}

export interface DiscoveryResult {
  attempts: PolicyPageAttempt[];
  /** The draft as read, to be written beside the report for a reviewer to correct. */
  draft?: PolicyInput;
  policy?: PolicyInUse;
}


/** One line for the run's log and summary: what was tried and what came of it. */
export function describeDiscovery(result: DiscoveryResult): string {
  if (result.policy?.discovered) {
    return `Policy: a draft read from ${result.policy.discovered.urls.join(' and ')} (${result.policy.policy.declarations.length} declarations; not reviewed)`;
  }
  if (result.attempts.length === 0) return 'Policy: no link to a privacy policy was found on the audited pages';
  return `Policy: none could be read; tried ${result.attempts.map((a) => attemptText(a)).join('; ')}`;
}
