import type { PolicyStatus } from '../extension/messages';

export interface PolicyStateText {
  /** Whether a policy judged the findings; when false the view explains why in `headline`. */
  applied: boolean;
  headline: string;
  detail: string;
}

const ORIGIN_WORDS = { bundled: 'bundled with the extension', imported: 'imported', draft: 'your draft' } as const;

/** What the popup and report page say about the policy, in a reviewer's words. */
export function describePolicyState(status: PolicyStatus, site: string): PolicyStateText {
  const origin = status.origin ? ORIGIN_WORDS[status.origin] : '';
  switch (status.state) {
    case 'matched':
      return {
        applied: true,
        headline: status.title ?? status.key ?? 'Policy',
        detail: `${status.siteName ?? 'The site'}'s policy (${origin}), matched by domain.`,
      };
    case 'chosen':
      if (status.origin === 'draft') {
        return {
          applied: true,
          headline: status.title ?? status.key ?? 'Draft policy',
          detail: `Judged against a draft${status.sourceUrl ? ` read from ${status.sourceUrl}` : ''}, not reviewed: review it in the options.`,
        };
      }
      return {
        applied: true,
        headline: status.title ?? status.key ?? 'Policy',
        detail: `Chosen for ${site} in the options (${origin}).`,
      };
    case 'none-chosen':
      return {
        applied: false,
        headline: 'No policy (your choice)',
        detail: `You chose to audit ${site} without a policy: findings are unreviewed.`,
      };
    case 'chosen-unavailable':
      return {
        applied: false,
        headline: 'The chosen policy is unavailable',
        detail: status.error ?? `The policy chosen for ${site} was deleted. Pick another in the options.`,
      };
    case 'no-match':
      return {
        applied: false,
        headline: `No policy matches ${site}`,
        detail: 'Findings are unreviewed. Import the site’s policy or pick one in the options.',
      };
  }
}
