import { browser } from 'wxt/browser';
import { ObservationStore } from '@/lib/store/observation-store';
import { RETENTION_DAYS, SETTINGS } from '@/lib/store/settings';
import { TabPages } from '@/lib/observe/tab-pages';
import { watchRequests } from '@/lib/observe/request-collector';
import { browserRunId } from '@/lib/observe/browser-run';
import { CookieCollector } from '@/lib/observe/cookie-collector';
import { watchPageEvents } from '@/lib/observe/page-event-collector';
import { KeepaliveRegistry } from '@/lib/observe/keepalive-registry';
import { MergingSink } from '@/lib/observe/merging-sink';
import { ResourceReconciler } from '@/lib/observe/resource-reconciler';
import { PageBudget } from '@/lib/observe/page-budget';
import { StorageSightings } from '@/lib/observe/storage-sightings';
import type { Observation } from '@/lib/model/observation';
import { startMessageRouter } from '@/lib/extension/message-router';

export default defineBackground(() => {
  const store = new ObservationStore();
  const merging = new MergingSink(store);
  const pages = new TabPages();
  const keepalive = new KeepaliveRegistry();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  let keepValuePreviews = true;
  void browser.storage.local.get([SETTINGS.keepValuePreviews, SETTINGS.recordingPaused]).then((s) => {
    keepValuePreviews = s[SETTINGS.keepValuePreviews] !== false;
    store.paused = s[SETTINGS.recordingPaused] === true;
  });
  browser.storage.onChanged.addListener((c) => {
    const previews = c[SETTINGS.keepValuePreviews];
    const paused = c[SETTINGS.recordingPaused];
    if (previews) keepValuePreviews = previews.newValue !== false;
    if (paused) store.paused = paused.newValue === true;
  });
  void store.deleteBefore(Date.now() - RETENTION_DAYS * 24 * 3600 * 1000);

  // Collectors, one per data type. Listeners must be added synchronously, at worker start.
  // Flash objects merge with their DOM sighting; every other request observation replaces its
  // earlier state (started → redirected → completed).
  const reconciler = new ResourceReconciler(store);
  let noteTabActivity = (_tabId: number) => {};
  const recordRequest = (o: Observation, provisional: boolean) => {
    if (o.kind === 'flash') void merging.add(o);
    else store.add(o, provisional);
    void reconciler.noteRequest(o);
    if (o.tabId !== undefined) noteTabActivity(o.tabId);
  };
  const cookies = new CookieCollector(merging, pages);
  cookies.watch();
  watchRequests(recordRequest, pages, ownOrigin, keepalive, browserRunId(), (raw) => void cookies.fromResponse(raw, ownOrigin));
  const budget = new PageBudget();
  const leftOut = (page: { pageUrl: string; sessionId: string; tabId: number }, count: number) => store.noteCapped(page, count);
  const sightings = new StorageSightings();
  watchPageEvents({ merging, replace: (o) => store.add(o), cookies, keepalive, pages, reconciler, sightings, forget: (id) => merging.settled(id).then(() => store.delete(id)), budget, leftOut, flush: (urls) => store.flushSettled(urls), keepValuePreviews: () => keepValuePreviews });
  browser.tabs.onRemoved.addListener((tabId) => {
    pages.forget(tabId);
    reconciler.forgetTab(tabId);
  });

  ({ noteTabActivity } = startMessageRouter({ store, pages }));

  // The headless CLI reads results through the worker (evaluated over the DevTools Protocol,
  // lib/headless/extension-worker.ts); `auditor` being set tells it the listeners are in place.
  Object.assign(globalThis, { auditor: { store, cookies } });
});
