import { browser, type Browser } from 'wxt/browser';
import type { ObservationStore } from '../store/observation-store';
import type { TabPages } from '../observe/tab-pages';
import { PolicyStore } from '../store/policy-store';
import { VerdictStore } from '../store/verdict-store';
import { attributionSources } from './attribution-sources';
import { startBadge } from './badge';
import { BackgroundRequest, type ResponseMap } from './messages';
import { PolicyAdmin } from './policy-admin';
import { SessionStarts } from './session-starts';
import { siteOfUrl } from './site-of-tab';
import { isExtensionPage } from './message-sender';
import { SitePolicyReader } from './site-policy-reader';
import { SiteReports } from './site-reports';
import { firstScreen } from './first-screen';

export interface MessageRouterDeps {
  store: ObservationStore;
  pages: TabPages;
}

/** Names the tool in reports the same way the CLI does (package name), with the extension's version. */
const TOOL_NAME = 'policy-tracker-auditor';

/**
 * The worker's message router: answers everything the extension's own pages (popup, report page,
 * options) ask of the background, and keeps the toolbar badge. Only extension pages can reach it: the manifest declares no
 * externally_connectable. Nothing here sends data anywhere.
 */
export function startMessageRouter({ store }: MessageRouterDeps): { noteTabActivity(tabId: number): void } {
  const verdicts = new VerdictStore();
  const policies = new PolicyStore();
  const sessions = new SessionStarts(browser.storage.local);
  const reports = new SiteReports({
    observations: store,
    verdicts,
    policies,
    sessions,
    tool: { name: TOOL_NAME, version: browser.runtime.getManifest().version },
    sources: attributionSources(),
  });
  const badge = startBadge({ undisclosedCount: (site) => reports.undisclosedCount(site) });
  const recountBadges = badge.recountAll;
  const admin = new PolicyAdmin(policies, recountBadges);
  const policyReader = new SitePolicyReader(store, admin);

  // Kept reports go stale with any setting (trackerdb on or off, a policy chosen elsewhere).
  browser.storage.onChanged.addListener(() => reports.changed());

  /** Requests that only read: every other one may change what a report says. */
  const READS = new Set<BackgroundRequest['type']>(['flush', 'observations', 'site-report', 'list-policies', 'get-policy']);

  async function handle(request: BackgroundRequest): Promise<ResponseMap[BackgroundRequest['type']]> {
    try {
      return await answer(request);
    } finally {
      if (!READS.has(request.type)) reports.changed();
    }
  }

  async function answer(request: BackgroundRequest): Promise<ResponseMap[BackgroundRequest['type']]> {
    switch (request.type) {
      case 'flush':
        return store.flush().then(() => true as const);
      case 'observations':
        return request.tabId === undefined ? store.all() : store.byTab(request.tabId);
      case 'clear':
        return store.clear().then(() => true as const);
      case 'site-report': {
        let pageUrl: string | undefined;
        if (request.tabId !== undefined) {
          const tab = await browser.tabs.get(request.tabId).catch(() => undefined);
          if (!tab) return { site: null, reason: 'The tab was closed.' };
          pageUrl = tab.url;
        }
        const site = request.site ?? siteOfUrl(pageUrl);
        if (!site) return { site: null, reason: 'This page is not a web site, so there is nothing to audit.' };
        const built = await reports.build(site);
        return { ...(request.firstGroups ? firstScreen(built, request.firstGroups) : built), ...(pageUrl ? { pageUrl } : {}) };
      }
      case 'set-verdict':
        return (await verdicts.save(request, Date.now())) ?? null;
      case 'new-session': {
        const sessionStart = await sessions.startNew(request.site, Date.now());
        await store.forgetCapped(request.site);
        recountBadges();
        return { sessionStart };
      }
      case 'list-policies':
        return admin.list();
      case 'get-policy':
        return admin.get(request.key);
      case 'save-policy':
        return admin.save(request, Date.now());
      case 'delete-policy':
        return admin.delete(request.key).then(() => true as const);
      case 'choose-policy':
        return admin.choose(request.site, request.choice).then(() => true as const);
      case 'read-site-policy':
        return policyReader.read(request.site, request.tabId, Date.now());
    }
  }

  // Not async: for a message that is not ours we must return undefined synchronously, or this
  // listener would answer (with undefined) messages meant for the content-script listener.
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Content scripts run inside audited pages: they may only send their page's events (another
    // listener), never read every observation, clear the record or save a policy.
    if (!isExtensionPage(sender, browser.runtime.id, ownOrigin)) return undefined;
    const request = BackgroundRequest.safeParse(message);
    if (!request.success) return undefined;
    return handle(request.data);
  });
  return { noteTabActivity: badge.noteActivity };
}
