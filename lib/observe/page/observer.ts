import { acceptChannel } from './channel';
import type { PageEvent } from '../page-events';
import { readWebStorage, StorageSnapshot } from './storage-snapshot';
import { flashElementsIn } from './flash';
import { boundReport, ReportLimiter, reportSize } from './report-limits';

/** A batch for the worker: reports, and how many were left out since the last batch (report-limits.ts). */
type Send = (batch: { events: PageEvent[]; leftOut: number }) => void;

/** Hook events may only claim what a hook can see; anything else arriving that way is forged. */
const HOOK_TYPES = new Set(['cookie-write', 'cookie-store-write', 'storage', 'database', 'beacon']);

/**
 * Runs in the extension's isolated world in every frame. Relays the MAIN-world hook reports
 * (validated, and always marked as hook evidence) and adds what only our own reads can show: the
 * frame's storage (catching direct property assignment, which no hook sees), its IndexedDB
 * databases, caches and service workers, and Flash objects in the DOM.
 */
export function startPageObserver(win: Window & typeof globalThis, send: Send, limiter = new ReportLimiter()): void {
  const queue: PageEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Set once the channel is accepted: the hooks' early reports can fill a batch before.
  let channel: { collectLeftOut(): void } | undefined;
  const flush = () => {
    timer = undefined;
    channel?.collectLeftOut();
    if (queue.length || limiter.pendingLeftOut) send({ events: queue.splice(0, queue.length), leftOut: limiter.takeLeftOut() });
  };
  const later = () => {
    timer ??= setTimeout(flush, 100);
  };
  const enqueue = (event: PageEvent) => {
    queue.push(event);
    if (queue.length >= 200) flush();
    else later();
  };
  // Everything the page causes passes the frame's limits; Resource Timing entries are the
  // browser's record of requests it made, which are never capped.
  const push = (event: PageEvent) => {
    if (event.type === 'resource') return enqueue(event);
    const bounded = boundReport(event as unknown as Record<string, unknown>) as unknown as PageEvent;
    if (limiter.admit(reportSize(bounded))) enqueue(bounded);
    else later();
  };

  channel = acceptChannel(
    win.document,
    (detail) => {
      // Asked before anything is parsed: past the limits a report costs a count.
      if (!limiter.admit(detail.length)) return later();
      try {
        const raw = JSON.parse(detail) as Record<string, unknown>;
        if (!HOOK_TYPES.has(String(raw.type))) return;
        if ('via' in raw && raw.type !== 'beacon') raw.via = 'hook';
        // The background validates every field with the zod schema; this only keeps the queue sane
        // without shipping zod into every frame of every page.
        const bounded = Object.values(raw).every((v) => typeof v === 'string' || typeof v === 'number' || v === undefined) ? boundReport(raw) : undefined;
        if (bounded) enqueue(bounded as unknown as PageEvent);
        else limiter.countLeftOut(1);
      } catch {
        // Malformed detail (our hooks send none): ignore.
      }
    },
    (count) => {
      limiter.countLeftOut(count);
      later();
    },
  );

  // What the frame's storage held before any page script ran was not caused by this page view.
  const storage = new StorageSnapshot(readWebStorage(win));
  // Our window listeners capture, and were added before any page script: at the window (their
  // target) they run before any listener of the page's, which therefore cannot stop them.
  // Fired only for changes made by other documents; a page's own synthetic events are not trusted.
  win.addEventListener('storage', (event) => {
    if (!event.isTrusted) return;
    const area = event.storageArea === readArea(win, 'sessionStorage') ? 'sessionStorage' : 'localStorage';
    storage.acceptChangeFromElsewhere(area, event.key, event.newValue);
  }, true);
  const known = new Set<string>();
  const baseline = Promise.all([databaseNames(win), cacheNames(win), serviceWorkers(win)]).then(([dbs, caches, workers]) => {
    for (const name of dbs) known.add(`indexedDB ${name}`);
    for (const name of caches) known.add(`cache ${name}`);
    for (const reg of workers) known.add(`serviceWorker ${reg.scope}`);
  });
  const once = (event: PageEvent & { type: 'database' | 'flash' }) => {
    const key = event.type === 'flash' ? `flash ${event.url}` : `${event.area} ${event.name}`;
    if (!known.has(key)) {
      known.add(key);
      push(event);
    }
  };
  const snapshot = async () => {
    await baseline;
    for (const event of storage.changes(readWebStorage(win))) push(event);
    for (const name of await databaseNames(win)) once({ type: 'database', via: 'read', area: 'indexedDB', name });
    for (const name of await cacheNames(win)) once({ type: 'database', via: 'read', area: 'cache', name });
    for (const reg of await serviceWorkers(win)) once({ type: 'database', via: 'read', area: 'serviceWorker', name: reg.scope, url: reg.script });
    for (const flash of flashElementsIn(win.document)) once({ type: 'flash', ...flash });
    // Also fetches what the hooks left out since the last batch, when nothing else was sent.
    later();
  };

  // Read often while the page settles, then now and then, and a last time when it goes away.
  const delays = [250, 500, 1500, 3000, 5000, 8000];
  for (const delay of delays) setTimeout(() => void snapshot(), delay);
  setInterval(() => void snapshot(), 10_000);
  win.addEventListener('pagehide', () => {
    // Send what is queued now: the async reads below may not finish before the frame is gone.
    for (const event of storage.changes(readWebStorage(win))) push(event);
    flush();
    void snapshot().finally(flush);
  }, true);
  watchResourceTiming(win, push);
  const observer = new MutationObserver(() => {
    for (const flash of flashElementsIn(win.document)) once({ type: 'flash', ...flash });
  });
  observer.observe(win.document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'data', 'type'] });
}

async function databaseNames(win: typeof globalThis): Promise<string[]> {
  try {
    return (await win.indexedDB.databases()).map((d) => d.name ?? '').filter(Boolean);
  } catch {
    return [];
  }
}

async function cacheNames(win: typeof globalThis): Promise<string[]> {
  try {
    return await win.caches.keys();
  } catch {
    return [];
  }
}

async function serviceWorkers(win: typeof globalThis): Promise<{ scope: string; script?: string }[]> {
  try {
    const registrations = await win.navigator.serviceWorker.getRegistrations();
    return registrations.map((r) => ({ scope: r.scope, script: (r.active ?? r.installing ?? r.waiting)?.scriptURL }));
  } catch {
    return [];
  }
}

/**
 * The page's own record of what it loaded: an independent witness for requests the network listener
 * can miss. A PerformanceObserver sees every entry, whatever the size of the timing buffer.
 */
function watchResourceTiming(win: Window & typeof globalThis, push: (event: PageEvent) => void): void {
  const origin = win.performance.timeOrigin;
  const report = (entry: PerformanceEntry, initiatorType: string) => {
    if (!/^https?:/.test(entry.name)) return;
    const { transferSize, responseStatus } = entry as PerformanceResourceTiming & { responseStatus?: number };
    push({
      type: 'resource',
      url: entry.name,
      initiatorType,
      startTime: Math.round(origin + entry.startTime),
      ...(transferSize ? { transferSize } : {}),
      ...(responseStatus ? { responseStatus } : {}),
    });
  };
  try {
    new win.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) report(entry, (entry as PerformanceResourceTiming).initiatorType);
    }).observe({ type: 'resource', buffered: true });
    // A frame's own document is in its parent's timeline; only the top page reports itself.
    if (win === win.top) {
      const navigation = win.performance.getEntriesByType('navigation')[0];
      if (navigation) report(navigation, 'navigation');
      else win.addEventListener('load', () => {
        const late = win.performance.getEntriesByType('navigation')[0];
        if (late) report(late, 'navigation');
      }, true);
    }
  } catch {
    // No Resource Timing here (very old engines): the network listener is the only witness.
  }
}

function readArea(win: typeof globalThis, area: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return win[area];
  } catch {
    return undefined;
  }
}
