import { createHash } from 'node:crypto';
import { DRAFT_FILE, type DiscoveryRequest, type DiscoveryResult } from './discovery-result';
import { draftFromPolicyPages } from '../policy/discovered-policy';
import { readPolicyPages } from '../policy/read-policy-pages';
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
  const { attempts, texts } = await readPolicyPages(
    { siteUrl: request.siteUrl, anchors: request.anchors, named: request.policyUrls },
    (link) => browser.inTab((page) => readPolicyPage(page, link, request.pageTimeoutMs)),
  );
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
