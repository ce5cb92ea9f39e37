import { browser } from 'wxt/browser';
import type { PolicyPageAttempt } from '../model/report';
import type { AnchorSeen, PolicyLink } from '../policy/discover-links';
import { draftFromPolicyPages, pageTextProblem } from '../policy/discovered-policy';
import { policyPageAttempt, readPolicyPages, type PolicyPageOutcome } from '../policy/read-policy-pages';
import { anchorsInDocument, type PageTextResult } from '../policy/page-text';
import type { ObservationStore } from '../store/observation-store';
import type { ReadSitePolicyResult } from './messages';
import type { PolicyAdmin } from './policy-admin';

const LOAD_TIMEOUT_MS = 20_000;

/**
 * "Read this site's policy": finds the site's privacy (and cookie) policy among the links of the
 * tab the user is auditing, else at common paths, loads each in a background tab of its own, reads
 * it there, drafts one policy, saves it as a draft and chooses it for the site, so the popup judges
 * against it at once. These are the only pages the extension loads on its own, and only when asked;
 * what they load is not recorded as the site's observations.
 */
export class SitePolicyReader {
  constructor(
    private readonly store: ObservationStore,
    private readonly admin: PolicyAdmin,
  ) {}

  async read(site: string, tabId: number | undefined, now: number): Promise<ReadSitePolicyResult> {
    const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
    const siteUrl = tab?.url && /^https?:/.test(tab.url) ? tab.url : `https://${site}/`;
    const anchors = tab?.id === undefined ? [] : await anchorsOfTab(tab.id);
    const { attempts, texts } = await readPolicyPages({ siteUrl, anchors }, (link) => this.readInBackgroundTab(link));
    if (texts.length === 0) return { ok: false, attempts, error: 'No privacy policy of this site could be read.' };
    const draft = draftFromPolicyPages(texts, site);
    if (draft.declarations.length === 0) return { ok: false, attempts, error: 'The policy was read, but no sentence of it declares tracking.' };
    const saved = await this.admin.save(
      { type: 'save-policy', file: `${site}.draft.policy.json`, json: draft, origin: 'draft', sourceText: texts.map((t) => t.markdown).join('\n\n') },
      now,
    );
    if (!saved.ok) return { ok: false, attempts, error: saved.error };
    await this.admin.choose(site, saved.key);
    return { ok: true, attempts, key: saved.key, urls: texts.map((t) => t.url), declarations: draft.declarations.length };
  }

  private async readInBackgroundTab(link: PolicyLink): Promise<PolicyPageOutcome> {
    const attempt = (outcome: PolicyPageAttempt['outcome'], detail?: string) => policyPageAttempt(link, outcome, detail);
    // Opened blank and marked unrecorded before it navigates, so none of its requests count.
    const tab = await browser.tabs.create({ url: 'about:blank', active: false });
    const tabId = tab.id!;
    this.store.setTabRecorded(tabId, false);
    try {
      if (!(await navigated(tabId, link.url))) return attempt('failed', `the page did not load within ${LOAD_TIMEOUT_MS / 1000} s`);
      const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/policy-reader.js'] });
      const read = result?.result as PageTextResult | undefined;
      if (!read) return attempt('failed', 'the page could not be read');
      const problem = pageTextProblem(read);
      if (problem) return attempt(problem.outcome, problem.detail);
      const finalUrl = (await browser.tabs.get(tabId)).url ?? link.url;
      return { ...attempt('read'), text: { url: finalUrl, kind: link.kind, title: read.title, markdown: read.markdown } };
    } catch (error) {
      // Chromium's PDF viewer and error pages cannot be scripted.
      return attempt('failed', error instanceof Error ? error.message : String(error));
    } finally {
      await browser.tabs.remove(tabId).catch(() => undefined);
      // Events of the closed tab may still arrive for a moment.
      setTimeout(() => this.store.setTabRecorded(tabId, true), 5_000);
    }
  }
}

/**
 * Navigates the blank tab and waits for the page to load. A background tab told to navigate while
 * its own about:blank is still committing can drop the navigation and sit "unloaded" (Chromium
 * 156); so the blank page is let finish first, and a dropped navigation is asked for again.
 */
async function navigated(tabId: number, url: string): Promise<boolean> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  const tabNow = () => browser.tabs.get(tabId);
  while (Date.now() < deadline && (await tabNow()).status === 'loading') await pause(50);
  await browser.tabs.update(tabId, { url });
  while (Date.now() < deadline) {
    const tab = await tabNow();
    if (tab.status === 'complete' && tab.url !== 'about:blank') return true;
    if (tab.status === 'unloaded' || (tab.status === 'complete' && !tab.pendingUrl)) await browser.tabs.update(tabId, { url });
    await pause(100);
  }
  return false;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The links of the page the user is auditing, with the words on them. */
async function anchorsOfTab(tabId: number): Promise<AnchorSeen[]> {
  const results = await browser.scripting
    .executeScript({ target: { tabId }, func: anchorsInDocument, args: [5_000] })
    .catch(() => []);
  return (results[0]?.result as AnchorSeen[] | undefined) ?? [];
}
