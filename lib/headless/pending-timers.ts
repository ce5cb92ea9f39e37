import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Tags that a page schedules for its first seconds ("insert the pixel 1 s after load") fire after
 * the network has gone quiet once. Rather than sleeping a fixed time on every page, the browser
 * keeps, per document, the due times of the timers scheduled to fire within its first `horizonMs`;
 * the visit waits for those alone. A page with nothing pending ends at once.
 *
 * The record sits under a name drawn per run, so the audited page cannot find it by name; the
 * wrappers are Proxies of the browser's own functions, so they still read as native code.
 */
export class PendingTimers {
  private constructor(private readonly key: string) {}

  static async watch(context: BrowserContext, horizonMs: number): Promise<PendingTimers> {
    const key = `__${randomBytes(9).toString('hex')}`;
    await context.addInitScript(initScript(key, horizonMs));
    return new PendingTimers(key);
  }

  /** Milliseconds until the last timer due within the horizon fires; 0 when none is pending. */
  async pendingMs(page: Page): Promise<number> {
    const pending = await page.evaluate(`typeof window.${this.key} === 'function' ? window.${this.key}() : 0`).catch(() => 0);
    return typeof pending === 'number' && Number.isFinite(pending) ? Math.max(0, pending) : 0;
  }
}

/** Source text, not a function: the TypeScript loader would wrap a function's inner names. */
function initScript(key: string, horizonMs: number): string {
  return `(() => {
  const start = performance.now();
  const due = new Map();
  const track = (id, delay) => {
    const at = performance.now() + Math.max(0, Number(delay) || 0);
    if (at - start <= ${horizonMs}) due.set(id, at);
  };
  const schedule = window.setTimeout;
  const repeat = window.setInterval;
  const cancel = window.clearTimeout;
  const cancelRepeat = window.clearInterval;
  window.setTimeout = new Proxy(schedule, { apply(target, self, args) { const id = Reflect.apply(target, self, args); track(id, args[1]); return id; } });
  window.setInterval = new Proxy(repeat, { apply(target, self, args) { const id = Reflect.apply(target, self, args); track(id, args[1]); return id; } });
  window.clearTimeout = new Proxy(cancel, { apply(target, self, args) { due.delete(args[0]); return Reflect.apply(target, self, args); } });
  window.clearInterval = new Proxy(cancelRepeat, { apply(target, self, args) { due.delete(args[0]); return Reflect.apply(target, self, args); } });
  Object.defineProperty(window, ${JSON.stringify(key)}, {
    value: () => {
      const now = performance.now();
      let last = now;
      for (const [id, at] of due) { if (at <= now) due.delete(id); else if (at > last) last = at; }
      return last - now;
    },
  });
})();`;
}
