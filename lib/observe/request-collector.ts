import { browser } from 'wxt/browser';
import type { Observation } from './observation';
import { isAuditableUrl, normalizeRequest, type RawRequest } from './requests';
import type { TabPages } from './tab-pages';

type Sink = (observation: Observation) => void;

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
export function watchRequests(sink: Sink, pages: TabPages, ownOrigin: string): void {
  const inFlight = new Map<string, InFlight>();
  const filter = { urls: ['<all_urls>'] };

  const record = async (raw: RawRequest, finished: boolean) => {
    if (!isAuditableUrl(raw.url) || raw.initiator?.startsWith(ownOrigin)) return;
    const entry = inFlight.get(raw.requestId);
    const pageUrl = entry?.observation.pageUrl ?? (await pages.pageUrlFor(raw));
    if (!pageUrl) return; // the browser's own background traffic, not the site's
    const redirectedFrom = entry?.redirectedFrom ?? entry?.observation.redirectedFrom;
    const observation = normalizeRequest(raw, { pageUrl, redirectedFrom });
    if (entry && entry.observation.id === observation.id) {
      observation.time = entry.observation.time; // keep when it started, not when it ended
    }
    sink(observation);
    if (finished) inFlight.delete(raw.requestId);
    else inFlight.set(raw.requestId, { observation });
  };

  browser.webRequest.onBeforeRequest.addListener((d) => void record(d as RawRequest, false), filter);
  browser.webRequest.onBeforeRedirect.addListener((d) => {
    const raw = d as RawRequest;
    void record(raw, false).then(() => {
      const entry = inFlight.get(raw.requestId);
      if (entry) entry.redirectedFrom = entry.observation.id;
    });
  }, filter);
  addCompletedListener((d) => void record(d, true));
  browser.webRequest.onErrorOccurred.addListener((d) => void record(d as RawRequest, true), filter);
}

function addCompletedListener(listener: (raw: RawRequest) => void): void {
  const filter = { urls: ['<all_urls>'] };
  const handler = (d: unknown) => listener(d as RawRequest);
  try {
    // Chromium hides Set-Cookie and a few other headers unless asked with extraHeaders.
    browser.webRequest.onCompleted.addListener(handler, filter, [
      'responseHeaders',
      'extraHeaders' as 'responseHeaders',
    ]);
  } catch {
    // Firefox rejects extraHeaders and shows every header anyway.
    browser.webRequest.onCompleted.addListener(handler, filter, ['responseHeaders']);
  }
}
