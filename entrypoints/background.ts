import { browser } from 'wxt/browser';
import { ObservationStore } from '@/lib/store/observation-store';
import { TabPages } from '@/lib/observe/tab-pages';
import { watchRequests } from '@/lib/observe/request-collector';
import { BackgroundRequest } from '@/lib/observe/messages';

export default defineBackground(() => {
  const store = new ObservationStore();
  const pages = new TabPages();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  watchRequests((o) => store.add(o), pages, ownOrigin);
  browser.tabs.onRemoved.addListener((tabId) => pages.forget(tabId));

  // Read-back for the popup and report page (extension pages only: no externally_connectable).
  browser.runtime.onMessage.addListener(async (message: unknown) => {
    const request = BackgroundRequest.safeParse(message);
    if (!request.success) return undefined;
    switch (request.data.type) {
      case 'flush':
        return store.flush().then(() => true);
      case 'observations':
        return request.data.tabId === undefined ? store.all() : store.byTab(request.data.tabId);
      case 'clear':
        return store.clear().then(() => true);
    }
  });

  // The headless CLI reads results through the worker (Playwright's worker.evaluate).
  Object.assign(globalThis, { auditor: { store } });
});
