import { browser } from 'wxt/browser';
import { isAuditableUrl, type RawRequest } from './requests';

/**
 * Which top-level page each tab shows. Kept in memory and rebuilt from the tabs API after the
 * service worker restarts, so a restart never leaves a request without its page.
 */
export class TabPages {
  private readonly pages = new Map<number, string>();

  remember(tabId: number, url: string): void {
    this.pages.set(tabId, url);
  }

  forget(tabId: number): void {
    this.pages.delete(tabId);
  }

  async pageUrlFor(raw: RawRequest): Promise<string | undefined> {
    if (raw.type === 'main_frame') {
      this.remember(raw.tabId, raw.url);
      return raw.url;
    }
    if (raw.tabId < 0) {
      // Requests of workers and service workers have no tab; the page origin that started them
      // is the best attribution Chromium gives.
      return raw.initiator && isAuditableUrl(raw.initiator) ? `${raw.initiator}/` : undefined;
    }
    const known = this.pages.get(raw.tabId);
    if (known) return known;
    try {
      const tab = await browser.tabs.get(raw.tabId);
      const url = tab.url || tab.pendingUrl;
      if (url && isAuditableUrl(url)) {
        this.remember(raw.tabId, url);
        return url;
      }
    } catch {
      // The tab closed before we asked: fall through to the initiator.
    }
    return raw.initiator && isAuditableUrl(raw.initiator) ? `${raw.initiator}/` : undefined;
  }
}
