import { browser } from 'wxt/browser';
import type { ObservationStore } from '../store/observation-store';
import type { TabPages } from '../observe/tab-pages';
import { BackgroundRequest } from './messages';

export interface UiServiceDeps {
  store: ObservationStore;
  pages: TabPages;
}

/**
 * Everything the extension's own pages (popup, report page, options) ask of the background.
 * Only extension pages can reach it: the manifest declares no externally_connectable.
 */
export function startUiServices({ store }: UiServiceDeps): void {
  browser.runtime.onMessage.addListener(async (message: unknown) => {
    const request = BackgroundRequest.safeParse(message);
    if (!request.success) return undefined; // not ours: content-script messages have their own listener
    switch (request.data.type) {
      case 'flush':
        return store.flush().then(() => true);
      case 'observations':
        return request.data.tabId === undefined ? store.all() : store.byTab(request.data.tabId);
      case 'clear':
        return store.clear().then(() => true);
    }
  });
}
