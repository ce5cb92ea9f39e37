import { browser, type Browser } from 'wxt/browser';
import { PageEventsMessage, cookieWriteClaim, pageEventToObservation, validPageEvents, type PageEvent } from './page-events';
import { markKeepalive, isAuditableUrl } from './requests';
import type { CookieEvent } from './cookies';
import type { CookieCollector } from './cookie-collector';
import type { KeepaliveRegistry } from './keepalive-registry';
import type { MergingSink } from './merging-sink';
import type { Observation } from '../model/observation';
import { senderDocument, type TabPages } from './tab-pages';
import type { ResourceReconciler } from './resource-reconciler';
import type { PageBudget } from './page-budget';
import type { StorageSightings, StoredItem } from './storage-sightings';
import { hostOf, registrableDomain } from '../classify/domain';

export interface PageEventDeps {
  merging: MergingSink;
  replace: (observation: Observation) => void;
  cookies: CookieCollector;
  keepalive: KeepaliveRegistry;
  pages: TabPages;
  reconciler: ResourceReconciler;
  /** Which open tab's page a database, cache or service worker is (storage-sightings.ts). */
  sightings: StorageSightings;
  /** Takes back an observation already recorded (one found by reading that another tab's page made). */
  forget: (id: string) => Promise<void>;
  /**
   * Resolves once the batch's observations are on disk, and the requests of `urls` (the batch's
   * Resource Timing entries were matched against them: a stopped worker must not lose them then).
   */
  flush: (urls: ReadonlySet<string>) => Promise<void>;
  /** Read when each batch arrives, so a change of the setting applies at once. */
  keepValuePreviews: () => boolean;
  /** What each page view may report (see page-budget.ts). */
  budget: PageBudget;
  /** Counts reports of a page left out (by its frames' limits, the budget, or as invalid): its `capped`. */
  leftOut: (page: { pageUrl: string; sessionId: string; tabId: number }, count: number) => void;
  now?: () => number;
}

/** Turns the content scripts' reports into observations of their document's top-level page. */
export function watchPageEvents(deps: PageEventDeps): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const batch = PageEventsMessage.safeParse(message);
    if (!batch.success || sender.id !== browser.runtime.id || sender.tab?.id === undefined) return undefined;
    // Answer only once the batch is on disk: if the worker is stopped before that, the content
    // script's send fails and it tries again, so a stop loses nothing.
    const { valid, invalid } = validPageEvents(batch.data.events);
    return handleBatch(valid, invalid + (batch.data.leftOut ?? 0), sender, deps).then(() => true);
  });
}

async function handleBatch(events: PageEvent[], leftOut: number, sender: Browser.runtime.MessageSender, deps: PageEventDeps): Promise<void> {
  const tabId = sender.tab!.id!;
  // The page of the document that sent the batch: a frame's last report may arrive after the tab moved on.
  const pageUrl = (await deps.pages.pageOfDocument(senderDocument(sender)!)) ?? sender.tab!.url;
  const frameUrl = frameUrlOf(sender);
  if (!pageUrl || !isAuditableUrl(pageUrl) || !frameUrl) return;
  // Resource Timing entries only confirm requests the browser reported; they are not capped.
  const reports = events.filter((e) => e.type !== 'resource');
  const allowed = deps.budget.take(tabId, pageUrl, reports.length);
  if (allowed < reports.length) events = [...events.filter((e) => e.type === 'resource'), ...reports.slice(0, allowed)];
  const capped = leftOut + reports.length - allowed;
  if (capped > 0) deps.leftOut({ pageUrl, sessionId: registrableDomain(hostOf(pageUrl)), tabId }, capped);
  const writes: Promise<void>[] = [];
  const time = (deps.now ?? Date.now)();
  const context = { pageUrl, frameUrl, tabId, time, keepValuePreviews: deps.keepValuePreviews() };
  const resources = events.flatMap((e) => (e.type === 'resource' ? [e] : []));
  if (resources.length) await deps.reconciler.reconcile(resources, tabId, pageUrl);
  // A cookie written several times in one batch is looked up in the jar once, as last written.
  const cookieClaims = new Map<string, CookieEvent & { via: 'js' }>();
  for (const event of events) {
    if (event.type === 'cookie-write') {
      const claim = cookieWriteClaim(event, context);
      if (claim) cookieClaims.set(`${claim.cookie.details.domain}|${claim.cookie.details.path}|${claim.cookie.name}`, claim);
      continue;
    }
    if (event.type === 'cookie-store-write') {
      deps.cookies.noteCookieStoreCall({ tabId, pageUrl, host: hostOf(frameUrl), ...(event.name ? { name: event.name } : {}) });
      continue;
    }
    if (event.type === 'beacon') {
      deps.keepalive.mark(tabId, event.url, event.urlLength);
      const request = deps.keepalive.lastRequest(tabId, event.url, event.urlLength);
      if (request) deps.replace(markKeepalive(request));
      continue;
    }
    const observation = pageEventToObservation(event, context);
    if (!observation) continue;
    if (event.type === 'database') {
      const item = storedItem(event, pageUrl, frameUrl);
      if (event.via === 'read' && !deps.sightings.admitRead(item, tabId, observation.id)) continue;
      if (event.via === 'hook') for (const id of deps.sightings.noteOpened(item, tabId)) writes.push(deps.forget(id));
    }
    writes.push(deps.merging.add(observation));
  }
  // The hook reports what the page wrote; only what the browser stored is a cookie.
  for (const claim of cookieClaims.values()) writes.push(deps.cookies.recordIfStored(claim));
  await Promise.all(writes);
  await deps.flush(new Set(resources.map((r) => r.url)));
}

/**
 * Service workers are told apart by origin only: a hook sees a script registered, a read finds a
 * scope, whose script may not be known yet while it installs.
 */
function storedItem(event: PageEvent & { type: 'database' }, pageUrl: string, frameUrl: string): StoredItem {
  const name = event.area === 'serviceWorker' ? '' : event.name;
  return { topSite: registrableDomain(hostOf(pageUrl)), origin: new URL(frameUrl).origin, area: event.area, name };
}

/** about:blank and srcdoc frames report their creator's origin as the place they store data. */
function frameUrlOf(sender: Browser.runtime.MessageSender): string | undefined {
  if (sender.url && isAuditableUrl(sender.url)) return sender.url;
  const origin = (sender as { origin?: string }).origin;
  return origin && isAuditableUrl(origin) ? `${origin}/` : undefined;
}
