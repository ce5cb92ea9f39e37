import { createHash } from 'node:crypto';
import type { PolicyPageAttempt } from '../model/report';
import { DRAFT_FILE, type DiscoveryRequest, type DiscoveryResult } from './discovery-result';
import { policyLinksAmong, wellKnownPolicyUrls, type PolicyLink } from '../policy/discover-links';
import { draftFromPolicyPages, type PolicyPageText } from '../policy/discovered-policy';
import { parsePolicy } from '../policy/parse';
import { withKnownDomains } from '../policy/party-domains';
import { loadTrackerDbOrganizations } from '../classify/trackerdb-organizations';
import type { AuditBrowser } from './audit-browser';
import { readPolicyPage } from './policy-reader';

/**
 * Finds the site's own privacy policy (and cookie policy) among the links of the audited pages,
 * else at the common paths, has the browser load and read them, and drafts one policy from them.
 * The browser loads every page: the CLI sends no request of its own.
 */
export async function discoverPolicy(browser: AuditBrowser, request: DiscoveryRequest): Promise<DiscoveryResult> {
  const attempts: PolicyPageAttempt[] = [];
  const texts: PolicyPageText[] = [];
  const read = async (link: PolicyLink) => {
    const outcome = await browser.inTab((page) => readPolicyPage(page, link, request.pageTimeoutMs));
    attempts.push(outcome.attempt);
    if (outcome.text) texts.push(outcome.text);
    return outcome.text !== undefined;
  };

  const named = request.policyUrls.map((url): PolicyLink => ({ url, kind: /cookie/i.test(url) ? 'cookie' : 'privacy', found: 'link' }));
  const linked = named.length ? named : policyLinksAmong(request.anchors, request.siteUrl);
  for (const link of linked) await read(link);
  if (named.length === 0) {
    // Common paths, one page of each kind at most, for the kinds no link was found (or read) for.
    for (const kind of ['privacy', 'cookie'] as const) {
      if (texts.some((t) => t.kind === kind)) continue;
      for (const link of wellKnownPolicyUrls(request.siteUrl).filter((l) => l.kind === kind)) {
        if (await read(link)) break;
      }
    }
  }
  if (texts.length === 0) return { attempts };

  const site = new URL(request.siteUrl).hostname;
  const drafted = draftFromPolicyPages(texts, site);
  const draft = request.trackerDbNames ? withKnownDomains(drafted, await loadTrackerDbOrganizations()) : drafted;
  if (draft.declarations.length === 0) {
    for (const attempt of attempts) {
      if (attempt.outcome === 'read') Object.assign(attempt, { outcome: 'no-declarations', detail: 'no sentence of it declares tracking or a third party' });
    }
    return { attempts };
  }
  let policy;
  try {
    policy = parsePolicy(draft, DRAFT_FILE);
  } catch (error) {
    for (const attempt of attempts) if (attempt.outcome === 'read') Object.assign(attempt, { outcome: 'failed', detail: (error as Error).message });
    return { attempts, draft };
  }
  const textSha256 = createHash('sha256').update(texts.map((t) => t.markdown).join('\n\n')).digest('hex');
  return {
    attempts,
    draft,
    policy: {
      policy,
      file: DRAFT_FILE,
      discovered: { urls: texts.map((t) => t.url), readAt: new Date(request.now()).toISOString(), textSha256 },
    },
  };
}
