import { browser } from 'wxt/browser';
import type { Observation } from '../model/observation';
import { isAuditableUrl, navigationShowsDocument, normalizeRequest, type RawRequest } from './requests';
import type { TabPages } from './tab-pages';
import type { KeepaliveRegistry } from './keepalive-registry';

/** `provisional`: a request just started, whose end will most likely replace it. */
type Sink = (observation: Observation, provisional: boolean) => void;

interface InFlight {
  observation: Observation;
  /** Set between onBeforeRedirect and the next hop's onBeforeRequest. */
  redirectedFrom?: string;
}

/**
 * Records every request of every resource type. Each hop of a redirect chain is its own
 * observation linked to the previous one, so cookie-sync chains stay visible. Listeners are
 * registered synchronously: an MV3 worker woken by an event only sees listeners added at start.
 */
export function watchRequests(
  sink: Sink,
  pages: TabPages,
  ownOrigin: string,
  keepalive: KeepaliveRegistry,
  browserRun: Promise<string> = Promise.resolve(''),
  /** Each response's headers, Set-Cookie included: a redirect's and a completed request's. */
  onResponse: (raw: RawRequest) => void = () => {},
): void {
  const inFlight = new Map<string, InFlight>();
  const pingVia = new Map<string, 'a-ping' | 'send-beacon'>();
  const filter = { urls: ['<all_urls>'] };

  /** `started`: the request's first event; `redirected`: a hop ended in a redirect; `ended`: the request did. */
  const record = async (raw: RawRequest, stage: 'started' | 'redirected' | 'ended') => {
    const finished = stage === 'ended';
    if (!isAuditableUrl(raw.url) || raw.initiator?.startsWith(ownOrigin)) return;
    const entry = inFlight.get(raw.requestId);
    let pageUrl = entry?.observation.pageUrl ?? (await pages.pageUrlFor(raw));
    if (raw.type === 'main_frame' && finished && !navigationShowsDocument(raw)) {
      pages.navigationEnded(raw.tabId, raw.url);
      // A download or an empty answer never replaced the page: the request is the page's that made it.
      if (!raw.error) pageUrl = (await pages.pageOfTab(raw.tabId)) ?? pageUrl;
    }
    if (!pageUrl) return; // the browser's own background traffic, not the site's
    const redirectedFrom = entry?.redirectedFrom ?? entry?.observation.redirectedFrom;
    const observation = normalizeRequest(raw, {
      pageUrl,
      browserRun: await browserRun,
      redirectedFrom,
      pingVia: pingVia.get(raw.requestId),
      keepalive: keepalive.has(raw.tabId, raw.url),
    });
    keepalive.rememberRequest(observation);
    pages.noteContact(raw.tabId, observation.host);
    if (entry && entry.observation.id === observation.id) {
      observation.time = entry.observation.time; // keep when it started, not when it ended
    }
    sink(observation, stage === 'started');
    if (finished) {
      inFlight.delete(raw.requestId);
      pingVia.delete(raw.requestId);
    } else inFlight.set(raw.requestId, { observation });
  };

  // <a ping> and sendBeacon both arrive as type ping; only hyperlink auditing sends Ping-To.
  addListenerWithExtraHeaders(
    browser.webRequest.onSendHeaders,
    (d) => {
      const headers = (d as { requestHeaders?: { name: string }[] }).requestHeaders ?? [];
      const isAnchorPing = headers.some((h) => h.name.toLowerCase() === 'ping-to');
      pingVia.set((d as RawRequest).requestId, isAnchorPing ? 'a-ping' : 'send-beacon');
    },
    { urls: ['<all_urls>'], types: ['ping'] },
    'requestHeaders',
  );

  browser.webRequest.onBeforeRequest.addListener((d) => {
    const raw = d as RawRequest;
    if (raw.type === 'main_frame') pages.navigationStarted(raw.tabId, raw.url);
    void record(raw, 'started');
  }, filter);
  // Set-Cookie is read from the same events as the rest of a response (with extraHeaders, which
  // shows it): every listener is one more message from the browser for every request, and a
  // listener of its own on onHeadersReceived made the third. A response cut off after its headers
  // leaves its cookies to cookies.onChanged.
  addListenerWithExtraHeaders(
    browser.webRequest.onBeforeRedirect,
    (d) => {
      const raw = d as RawRequest;
      onResponse(raw);
      // A redirect's own headers describe no resource: its Content-Length must not make the hop a pixel.
      void record({ ...raw, responseHeaders: undefined }, 'redirected').then(() => {
        const entry = inFlight.get(raw.requestId);
        if (entry) entry.redirectedFrom = entry.observation.id;
      });
    },
    filter,
    'responseHeaders',
  );
  addListenerWithExtraHeaders(
    browser.webRequest.onCompleted,
    (d) => {
      onResponse(d as RawRequest);
      void record(d as RawRequest, 'ended');
    },
    filter,
    'responseHeaders',
  );
  browser.webRequest.onErrorOccurred.addListener((d) => void record(d as RawRequest, 'ended'), filter);
}

interface WebRequestEvent {
  addListener(callback: (details: never) => void, filter: object, extraInfoSpec?: string[]): void;
}

/**
 * Chromium hides Set-Cookie, Ping-To and a few other headers unless asked with extraHeaders;
 * Firefox rejects that option and shows every header anyway.
 */
export function addListenerWithExtraHeaders(
  event: unknown,
  listener: (details: unknown) => void,
  filter: object,
  headers: 'responseHeaders' | 'requestHeaders',
): void {
  const target = event as WebRequestEvent;
  try {
    target.addListener(listener, filter, [headers, 'extraHeaders']);
  } catch {
    target.addListener(listener, filter, [headers]);
  }
}
