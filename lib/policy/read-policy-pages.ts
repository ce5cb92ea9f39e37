import type { PolicyPageAttempt } from '../model/report';
import { policyLinksAmong, wellKnownPolicyUrls, type AnchorSeen, type PolicyLink } from './discover-links';
import type { PolicyPageText } from './discovered-policy';

/** One page read (or not) as the site's policy: what became of it, and its text when it was read. */
export interface PolicyPageOutcome {
  attempt: PolicyPageAttempt;
  text?: PolicyPageText;
}

/** The attempt record for a candidate page, as the CLI and the extension report it. */
export function policyPageAttempt(link: PolicyLink, outcome: PolicyPageAttempt['outcome'], detail?: string): PolicyPageOutcome {
  return { attempt: { url: link.url, kind: link.kind, found: link.found, outcome, ...(detail ? { detail } : {}) } };
}

export interface PolicyPageSearch {
  siteUrl: string;
  anchors: readonly AnchorSeen[];
  /** Pages the user named (`--policy-url`): read instead of looking for any. */
  named?: readonly string[];
}

/**
 * The site's policy pages, found and read in the one order the CLI and the extension share: the
 * pages the user named, else the privacy and cookie policy links of the audited pages, then, for a
 * kind no link gave text for, the common paths until one reads. `read` loads a page in a browser.
 */
export async function readPolicyPages(
  search: PolicyPageSearch,
  read: (link: PolicyLink) => Promise<PolicyPageOutcome>,
): Promise<{ attempts: PolicyPageAttempt[]; texts: PolicyPageText[] }> {
  const attempts: PolicyPageAttempt[] = [];
  const texts: PolicyPageText[] = [];
  const readOne = async (link: PolicyLink) => {
    const outcome = await read(link);
    attempts.push(outcome.attempt);
    if (outcome.text) texts.push(outcome.text);
    return outcome.text !== undefined;
  };
  const named = (search.named ?? []).map((url): PolicyLink => ({ url, kind: /cookie/i.test(url) ? 'cookie' : 'privacy', found: 'link' }));
  for (const link of named.length ? named : policyLinksAmong(search.anchors, search.siteUrl)) await readOne(link);
  if (named.length === 0) {
    for (const kind of ['privacy', 'cookie'] as const) {
      if (texts.some((t) => t.kind === kind)) continue;
      for (const link of wellKnownPolicyUrls(search.siteUrl).filter((l) => l.kind === kind)) {
        if (await readOne(link)) break;
      }
    }
  }
  return { attempts, texts };
}
