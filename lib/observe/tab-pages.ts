import { browser } from 'wxt/browser';
import { isAuditableUrl, type RawRequest } from './requests';
import { hostOf, registrableDomain } from '../classify/domain';

/**
 * Which top-level page each tab shows. Kept in memory and rebuilt from the tabs API after the
 * service worker restarts, so a restart never leaves a request without its page.
 */
export class TabPages {
  private readonly pages = new Map<number, string>();
  /** Registrable domains each tab's current page has contacted: lets a cookie change find its tab. */
  private readonly contacts = new Map<number, Set<string>>();

  remember(tabId: number, url: string): void {
    if (this.pages.get(tabId) !== url) this.contacts.set(tabId, new Set([registrableDomain(hostOf(url))]));
    this.pages.delete(tabId); // re-insert so that iteration order is least recently navigated first
    this.pages.set(tabId, url);
  }

  forget(tabId: number): void {
    this.pages.delete(tabId);
    this.contacts.delete(tabId);
  }

  noteContact(tabId: number, host: string): void {
    if (tabId >= 0) this.contacts.get(tabId)?.add(registrableDomain(host));
  }

  /** Tabs (with their page) whose page contacted the registrable domain of `host`. */
  tabsThatContacted(host: string): { tabId: number; pageUrl: string }[] {
    const domain = registrableDomain(host);
    return [...this.pages]
      .filter(([tabId]) => this.contacts.get(tabId)?.has(domain))
      .map(([tabId, pageUrl]) => ({ tabId, pageUrl }));
  }

  private latestPageOfOrigin(origin: string): string | undefined {
    const sameOrigin = [...this.pages.values()].filter((url) => url.startsWith(`${origin}/`));
    return sameOrigin.at(-1);
  }

  async pageUrlFor(raw: RawRequest): Promise<string | undefined> {
    if (raw.type === 'main_frame') {
      this.remember(raw.tabId, raw.url);
      return raw.url;
    }
    if (raw.tabId < 0) {
      // Requests of service workers have no tab; the initiator's origin leads to the page (the
      // most recent tab showing that origin) or, failing that, stands for it.
      if (!raw.initiator || !isAuditableUrl(raw.initiator)) return undefined;
      return this.latestPageOfOrigin(raw.initiator) ?? `${raw.initiator}/`;
    }
    const page = await this.pageOfTab(raw.tabId);
    if (page) return page;
    // The tab closed before we asked: the initiator is all that is left.
    return raw.initiator && isAuditableUrl(raw.initiator) ? `${raw.initiator}/` : undefined;
  }

  /** The top-level page a tab shows, asking the tabs API after a worker restart. */
  async pageOfTab(tabId: number): Promise<string | undefined> {
    const known = this.pages.get(tabId);
    if (known) return known;
    try {
      const tab = await browser.tabs.get(tabId);
      const url = tab.url || tab.pendingUrl;
      if (url && isAuditableUrl(url)) {
        this.remember(tabId, url);
        return url;
      }
    } catch {
      // The tab is gone.
    }
    return undefined;
  }
}
