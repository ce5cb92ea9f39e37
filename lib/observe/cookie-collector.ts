import { browser, type Browser } from 'wxt/browser';
import { isAuditableUrl, type RawRequest } from './requests';
import { parseSetCookie, splitSetCookieHeaders, type ParsedCookie } from './set-cookie';
import { cookieObservation, storedCookieObservation, type CookieEvent } from './cookies';
import { CookieJar, withJarLifetime } from './cookie-jar';
import type { MergingSink } from './merging-sink';
import type { TabPages } from './tab-pages';
import { pagesThatWrote, RECENT_MS, withCall, type CookieStoreCall, type TabPage } from './cookie-writers';

/** How long a cookies.onChanged event waits for the header or hook sighting that explains it. */
const SETTLE_MS = 1500;

/**
 * Cookies from two of their three sources: Set-Cookie response headers and cookies.onChanged
 * (which also catches the CookieStore API and cookies written by workers). The third,
 * document.cookie, is reported by the page hook and arrives through the page-event collector.
 */
export class CookieCollector {
  private readonly recent = new Map<string, (TabPage & { at: number })[]>();
  /** Pages' recent cookieStore.set calls, reported by their hooks. */
  private storeCalls: CookieStoreCall[] = [];
  /** onChanged events still waiting out SETTLE_MS, each with what handles it. */
  private readonly settling = new Map<ReturnType<typeof setTimeout>, () => Promise<void>>();
  /** Header cookies still being looked up in the browser's jar. */
  private readonly lookups = new Set<Promise<void>>();

  constructor(
    private readonly sink: MergingSink,
    private readonly pages: TabPages,
    private readonly now: () => number = Date.now,
    private readonly jar: CookieJar = new CookieJar(),
  ) {}

  /** Listens to cookies.onChanged; responses' Set-Cookie headers come through `fromResponse`. */
  watch(): void {
    browser.cookies.onChanged.addListener((change) => {
      if (change.removed) return;
      // Which tabs talked to the cookie's site is decided now; the tab may be gone after the wait.
      const contacted = this.pages.tabsThatContacted(change.cookie.domain);
      const handle = () => this.fromCookiesApi(change.cookie, contacted);
      const timer = setTimeout(() => {
        this.settling.delete(timer);
        void handle();
      }, SETTLE_MS);
      this.settling.set(timer, handle);
    });
  }

  /**
   * Handles at once the cookie changes still waiting for a sighting, and waits for the jar
   * lookups under way: called before the record is read (the CLI, once its tabs are closed, when
   * every sighting that will come has come). A cookie set with CookieStore in a page's last
   * moment is then in the record instead of in a timer.
   */
  async settle(): Promise<void> {
    const handled: Promise<void>[] = [];
    for (const [timer, handle] of this.settling) {
      clearTimeout(timer);
      handled.push(handle());
    }
    this.settling.clear();
    await Promise.all([...handled, ...this.lookups]);
  }

  /**
   * Records a header's or a script's cookie once the browser's jar holds it: what the browser
   * refused (a third-party cookie the profile blocks, a Secure cookie from http, …) is no cookie.
   * Resolves when it is recorded or known to be refused.
   */
  async recordIfStored(event: CookieEvent & { via: 'http' | 'js' }): Promise<void> {
    const stored = await this.jar.find(event.cookie, event.pageUrl);
    if (!stored) return;
    this.noteSighting(event.cookie, event.tabId, event.pageUrl);
    await this.sink.add(storedCookieObservation({ ...event, cookie: withJarLifetime(event.cookie, stored, this.now()) }));
  }

  /** Ties a later onChanged event of this cookie to the tab whose page set it. */
  private noteSighting(cookie: ParsedCookie, tabId: number | undefined, pageUrl: string): void {
    if (tabId === undefined) return;
    const key = keyOf(cookie.details.domain, cookie.details.path, cookie.name);
    const fresh = (this.recent.get(key) ?? []).filter((s) => this.now() - s.at < RECENT_MS && s.tabId !== tabId);
    this.recent.set(key, [...fresh, { tabId, pageUrl, at: this.now() }]);
  }

  /** A page's hook saw cookieStore.set called: the cookie change that follows is that page's. */
  noteCookieStoreCall(call: Omit<CookieStoreCall, 'at'>): void {
    this.storeCalls = withCall(this.storeCalls, { ...call, at: this.now() });
  }

  /** Records the cookies a response's Set-Cookie headers set (given every response's headers). */
  async fromResponse(raw: RawRequest, ownOrigin: string): Promise<void> {
    if (!isAuditableUrl(raw.url) || raw.initiator?.startsWith(ownOrigin)) return;
    const lines = splitSetCookieHeaders(raw.responseHeaders);
    if (lines.length === 0) return;
    const pageUrl = await this.pages.pageUrlFor(raw);
    if (!pageUrl) return;
    const time = Math.round(raw.timeStamp);
    for (const line of lines) {
      const cookie = parseSetCookie(line, raw.url, time);
      if (!cookie || cookie.deletes) continue;
      const lookup = this.recordIfStored({ cookie, via: 'http', pageUrl, tabId: raw.tabId, time, url: raw.url });
      this.lookups.add(lookup);
      void lookup.finally(() => this.lookups.delete(lookup));
    }
  }

  private async fromCookiesApi(cookie: Browser.cookies.Cookie, contacted: TabPage[]): Promise<void> {
    const parsed = fromBrowserCookie(cookie, this.now());
    const sightings = this.recent.get(keyOf(parsed.details.domain, parsed.details.path, parsed.name)) ?? [];
    const targets = pagesThatWrote({ name: parsed.name, domain: parsed.details.domain }, { sightings, calls: this.storeCalls, contacted }, this.now());
    await Promise.all(targets.map(({ tabId, pageUrl }) => this.sink.add(cookieObservation({ cookie: parsed, via: 'api', pageUrl, tabId, time: this.now() }))));
  }
}

function keyOf(domain: string, path: string, name: string): string {
  return `${domain.replace(/^\./, '')}|${path}|${name}`;
}

const SAME_SITE: Record<string, string | undefined> = { no_restriction: 'none', lax: 'lax', strict: 'strict' };

function fromBrowserCookie(cookie: Browser.cookies.Cookie, now: number): ParsedCookie {
  return {
    name: cookie.name,
    deletes: false,
    details: {
      domain: cookie.domain.replace(/^\./, ''),
      path: cookie.path,
      lifetimeSeconds: cookie.session || cookie.expirationDate === undefined ? null : Math.round(cookie.expirationDate - now / 1000),
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      ...(SAME_SITE[cookie.sameSite] ? { sameSite: SAME_SITE[cookie.sameSite] } : {}),
    },
  };
}
