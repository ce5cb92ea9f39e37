import { browser } from 'wxt/browser';
import { isAuditableUrl, type RawRequest } from './requests';
import { hostOf, registrableDomain } from '../classify/domain';

/**
 * What a webRequest event or a content script's message says about the document behind it.
 * Chromium (106 and later) names documents: `documentId`, and `parentDocumentId` for a frame's.
 * Firefox names none, but says the URL of the top-level page a request belongs to.
 */
export interface DocumentRef {
  tabId: number;
  documentId?: string;
  parentDocumentId?: string;
  /** Chromium: `active`, `pending_deletion` (being left), `prerender`, `cached` (back/forward cache), or empty. */
  documentLifecycle?: string;
  /** The document is its tab's top-level one. */
  top: boolean;
  /** The URL of the top-level page, where the browser tells it. */
  topUrl?: string;
}

/** Pure: the document behind a (non-navigation) request. */
export function requestDocument(raw: RawRequest): DocumentRef {
  // Chromium's top-level frame id is not always 0 (a page swapped in from another process); its frame type is.
  const top = raw.frameType !== undefined ? raw.frameType === 'outermost_frame' && !raw.parentDocumentId : raw.parentFrameId === -1;
  const ancestor = raw.frameAncestors?.at(-1)?.url;
  const topUrl = ancestor ?? (top ? raw.documentUrl : undefined);
  return {
    tabId: raw.tabId,
    top,
    ...(raw.documentId ? { documentId: raw.documentId } : {}),
    ...(raw.parentDocumentId ? { parentDocumentId: raw.parentDocumentId } : {}),
    ...(raw.documentLifecycle !== undefined ? { documentLifecycle: raw.documentLifecycle } : {}),
    ...(topUrl && isAuditableUrl(topUrl) ? { topUrl } : {}),
  };
}

/** What runtime.onMessage says of the frame that sent a message (documentId: Chromium only). */
export interface SenderDetails {
  tab?: { id?: number };
  frameId?: number;
  url?: string;
  documentId?: string;
  documentLifecycle?: string;
}

/** Pure: the document that sent a content script's message; undefined when no tab sent it. */
export function senderDocument(sender: SenderDetails): DocumentRef | undefined {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  const top = sender.frameId === 0;
  return {
    tabId,
    top,
    ...(sender.documentId ? { documentId: sender.documentId } : {}),
    ...(sender.documentLifecycle !== undefined ? { documentLifecycle: sender.documentLifecycle } : {}),
    ...(top && sender.url && isAuditableUrl(sender.url) ? { topUrl: sender.url } : {}),
  };
}

/** Documents remembered at once; the oldest is forgotten first. */
const DOCUMENTS_REMEMBERED = 5_000;

/**
 * Which page each request and each content-script report belongs to: the top-level page of the
 * document that made it, not whatever the tab shows when the event arrives. A `pagehide` beacon
 * from site A reaches the worker after the tab moved on to site B, and still belongs to A.
 *
 * A tab's page changes when a document of the page it navigates to shows up (a request or a
 * message from it), not when the navigation starts: a navigation that ends in a download (or a
 * 204) never brings a document, so the page stays. Chromium's document ids are mapped to their
 * page as they are first seen; Firefox says the top-level URL with each request. Kept in memory
 * and rebuilt from the tabs API after the service worker restarts.
 */
export class TabPages {
  /** The page each tab shows. */
  private readonly pages = new Map<number, string>();
  /** The page each tab showed before, for a document being left that was never seen while it showed. */
  private readonly previous = new Map<number, string>();
  /** Top-level navigations started and not yet shown (no document of theirs seen). */
  private readonly navigating = new Map<number, string>();
  /** Chromium document id → the top-level page it belongs to. */
  private readonly documents = new Map<string, string>();
  /** Registrable domains each tab's current page has contacted: lets a cookie change find its tab. */
  private readonly contacts = new Map<number, Set<string>>();

  constructor(private readonly tabUrl: (tabId: number) => Promise<string | undefined> = urlOfTab) {}

  /** The tab shows `url` now. */
  remember(tabId: number, url: string): void {
    const current = this.pages.get(tabId);
    if (current !== url) {
      if (current) this.previous.set(tabId, current);
      this.contacts.set(tabId, new Set([registrableDomain(hostOf(url))]));
    }
    this.pages.delete(tabId); // re-insert so that iteration order is least recently navigated first
    this.pages.set(tabId, url);
    if (this.navigating.get(tabId) === url) this.navigating.delete(tabId);
  }

  /** A top-level navigation (each hop of a redirect) started: its page is shown once a document of it is seen. */
  navigationStarted(tabId: number, url: string): void {
    if (tabId >= 0) this.navigating.set(tabId, url);
  }

  /** The navigation to `url` failed, or ended in a download or an empty answer: the tab keeps its page. */
  navigationEnded(tabId: number, url: string): void {
    if (this.navigating.get(tabId) === url) this.navigating.delete(tabId);
  }

  forget(tabId: number): void {
    this.pages.delete(tabId);
    this.previous.delete(tabId);
    this.navigating.delete(tabId);
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
    // A page being navigated to counts: its script may register a worker before any of its own
    // requests showed the page has replaced the last one.
    const sameOrigin = [...this.pages.values(), ...this.navigating.values()].filter((url) => url.startsWith(`${origin}/`));
    return sameOrigin.at(-1);
  }

  async pageUrlFor(raw: RawRequest): Promise<string | undefined> {
    // A navigation's own request belongs to the page it loads (see also navigationStarted).
    if (raw.type === 'main_frame') return raw.url;
    if (raw.tabId < 0) {
      // Requests of service workers have no tab; the initiator's origin leads to the page (the
      // most recent tab showing that origin) or, failing that, stands for it.
      if (!raw.initiator || !isAuditableUrl(raw.initiator)) return undefined;
      return this.latestPageOfOrigin(raw.initiator) ?? `${raw.initiator}/`;
    }
    const page = await this.pageOfDocument(requestDocument(raw));
    if (page) return page;
    // The tab closed before we asked: the initiator is all that is left.
    return raw.initiator && isAuditableUrl(raw.initiator) ? `${raw.initiator}/` : undefined;
  }

  /** The top-level page of the document behind a request or a message. */
  async pageOfDocument(ref: DocumentRef): Promise<string | undefined> {
    const { tabId, documentId, parentDocumentId, documentLifecycle: lifecycle } = ref;
    const known = (documentId && this.documents.get(documentId)) || (parentDocumentId && this.documents.get(parentDocumentId));
    const target = this.navigating.get(tabId);
    if (known) {
      this.learn(documentId, known);
      // A top-level document active again with no navigation under way: back from the back/forward cache.
      if (ref.top && lifecycle === 'active' && !target) this.remember(tabId, known);
      return known;
    }
    if (ref.topUrl) {
      // The browser says the page (Firefox, or a top frame's message); it may be the one navigated to.
      const page = target && sameDocument(target, ref.topUrl) ? target : ref.topUrl;
      this.learn(documentId, page);
      if (page === target || (ref.top && lifecycle === 'active')) this.remember(tabId, page);
      return page;
    }
    if (lifecycle === 'pending_deletion') {
      // Being left, and never seen while it showed: before the next page showed, it is the current one.
      const page = (target ? this.pages.get(tabId) : this.previous.get(tabId)) ?? (await this.pageOfTab(tabId));
      this.learn(documentId, page);
      return page;
    }
    if (lifecycle === 'prerender' || lifecycle === 'cached') return this.pageOfTab(tabId);
    if ((documentId || parentDocumentId) && target) {
      // A document not seen before while a navigation is under way: the page navigated to has
      // shown. A frame's own navigation names no document of its own, only its parent's, and may
      // come before any request of that parent (an iframe early in the page).
      this.learn(documentId, target);
      this.learn(parentDocumentId, target);
      if (ref.top) this.remember(tabId, target);
      return target;
    }
    const page = await this.pageOfTab(tabId);
    this.learn(documentId, page);
    return page;
  }

  private learn(documentId: string | undefined, page: string | undefined): void {
    if (!documentId || !page || this.documents.get(documentId) === page) return;
    this.documents.set(documentId, page);
    if (this.documents.size > DOCUMENTS_REMEMBERED) this.documents.delete(this.documents.keys().next().value!);
  }

  /** The top-level page a tab shows, asking the tabs API after a worker restart. */
  async pageOfTab(tabId: number): Promise<string | undefined> {
    const known = this.pages.get(tabId);
    if (known) return known;
    const url = await this.tabUrl(tabId);
    if (url && isAuditableUrl(url)) {
      this.remember(tabId, url);
      return url;
    }
    return undefined;
  }
}

/** Two URLs of one document: they differ in the fragment at most. */
function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

async function urlOfTab(tabId: number): Promise<string | undefined> {
  try {
    const tab = await browser.tabs.get(tabId);
    return tab.url || tab.pendingUrl;
  } catch {
    return undefined; // the tab is gone
  }
}
