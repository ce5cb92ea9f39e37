import { browser } from 'wxt/browser';
import { ObservationStore } from '@/lib/store/observation-store';
import { TabPages } from '@/lib/observe/tab-pages';
import { watchRequests } from '@/lib/observe/request-collector';
import { browserRunId } from '@/lib/observe/browser-run';
import { CookieCollector } from '@/lib/observe/cookie-collector';
import { watchPageEvents } from '@/lib/observe/page-event-collector';
import { KeepaliveRegistry } from '@/lib/observe/keepalive-registry';
import { MergingSink } from '@/lib/observe/merging-sink';
import { ResourceReconciler } from '@/lib/observe/resource-reconciler';
import type { Observation } from '@/lib/model/observation';
import { startMessageRouter } from '@/lib/extension/message-router';

export default defineBackground(() => {
  const store = new ObservationStore();
  const merging = new MergingSink(store);
  const pages = new TabPages();
  const keepalive = new KeepaliveRegistry();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  let keepValuePreviews = true;
  void browser.storage.local.get('keepValuePreviews').then((s) => (keepValuePreviews = s.keepValuePreviews !== false));
  browser.storage.onChanged.addListener((c) => {
    if (c.keepValuePreviews) keepValuePreviews = c.keepValuePreviews.newValue !== false;
  });

  // Collectors, one per data type. Listeners must be added synchronously, at worker start.
  // Flash objects merge with their DOM sighting; every other request observation replaces its
  // earlier state (started → redirected → completed).
  const reconciler = new ResourceReconciler(store);
  const recordRequest = (o: Observation) => {
    if (o.kind === 'flash') void merging.add(o);
    else store.add(o);
    void reconciler.noteRequest(o);
  };
  watchRequests(recordRequest, pages, ownOrigin, keepalive, browserRunId());
  const cookies = new CookieCollector(merging, pages);
  cookies.watch(ownOrigin);
  watchPageEvents({ merging, replace: (o) => store.add(o), cookies, keepalive, pages, reconciler, flush: () => store.flush(), keepValuePreviews: () => keepValuePreviews });
  browser.tabs.onRemoved.addListener((tabId) => {
    pages.forget(tabId);
    reconciler.forgetTab(tabId);
  });

  startMessageRouter({ store, pages });

  // The headless CLI reads results through the worker (Playwright's worker.evaluate).
  Object.assign(globalThis, { auditor: { store } });
});
