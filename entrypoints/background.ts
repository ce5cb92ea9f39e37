import { browser } from 'wxt/browser';
import { ObservationStore } from '@/lib/store/observation-store';
import { TabPages } from '@/lib/observe/tab-pages';
import { watchRequests } from '@/lib/observe/request-collector';
import { startUiServices } from '@/lib/extension/ui-services';

export default defineBackground(() => {
  const store = new ObservationStore();
  const pages = new TabPages();
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;

  // Collectors: one per data type. Listeners must be added synchronously, at worker start.
  watchRequests((o) => store.add(o), pages, ownOrigin);
  browser.tabs.onRemoved.addListener((tabId) => pages.forget(tabId));

  startUiServices({ store, pages });

  // The headless CLI reads results through the worker (Playwright's worker.evaluate).
  Object.assign(globalThis, { auditor: { store } });
});
