import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Tags that a page schedules for its first seconds ("insert the pixel 1 s after load") fire after
 * the network has gone quiet once. Rather than sleeping a fixed time on every page, the browser
 * keeps, per document, the due times of the timers scheduled to fire within its first `horizonMs`;
 * the visit waits for those alone. A page with nothing pending ends at once.
 *
 * The record sits under a name drawn per run, so the audited page cannot find it by name. The
 * wrappers are Proxies of the browser's own functions (name, length, no prototype), and
 * Function.prototype.toString answers for them with the original's text, as for the extension's
 * hooks (lib/observe/page/native-look.ts): `setTimeout.toString()` reads
 * "function setTimeout() { [native code] }". Handlers have no prototype, so traps the page adds to
 * Object.prototype are never consulted.
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

/**
 * Source text, not a function: the TypeScript loader would wrap a function's inner names.
 * Everything the wrappers call at run time is taken first, before any page script can patch it,
 * and the delay is converted once (and handed on as a number), so a page's valueOf runs once.
 */
function initScript(key: string, horizonMs: number): string {
  return `(() => {
  const apply = Reflect.apply;
  const perfNow = Performance.prototype.now;
  const clock = () => apply(perfNow, performance, []);
  const mapSet = Map.prototype.set;
  const mapDelete = Map.prototype.delete;
  const mapForEach = Map.prototype.forEach;
  const start = clock();
  const due = new Map();
  const track = (id, delay) => {
    const at = clock() + (delay > 0 ? delay : 0);
    if (at - start <= ${horizonMs}) apply(mapSet, due, [id, at]);
  };
  const fakes = [];
  const originals = [];
  const disguise = (fake, original) => { fakes[fakes.length] = fake; originals[originals.length] = original; return fake; };
  const toString = Function.prototype.toString;
  Object.defineProperty(Function.prototype, 'toString', {
    ...Object.getOwnPropertyDescriptor(Function.prototype, 'toString'),
    value: disguise(new Proxy(toString, { __proto__: null, apply(target, self, args) {
      for (let i = 0; i < fakes.length; i++) if (fakes[i] === self) return apply(target, originals[i], args);
      return apply(target, self, args);
    } }), toString),
  });
  const wrap = (original, handler) => disguise(new Proxy(original, { __proto__: null, apply: handler }), original);
  const scheduling = (target, self, args) => {
    if (args.length > 1) args[1] = +args[1];
    const id = apply(target, self, args);
    track(id, args[1]);
    return id;
  };
  const cancelling = (target, self, args) => { apply(mapDelete, due, [args[0]]); return apply(target, self, args); };
  window.setTimeout = wrap(window.setTimeout, scheduling);
  window.setInterval = wrap(window.setInterval, scheduling);
  window.clearTimeout = wrap(window.clearTimeout, cancelling);
  window.clearInterval = wrap(window.clearInterval, cancelling);
  Object.defineProperty(window, ${JSON.stringify(key)}, {
    value: () => {
      const now = clock();
      let last = now;
      apply(mapForEach, due, [(at, id) => { if (at <= now) apply(mapDelete, due, [id]); else if (at > last) last = at; }]);
      return last - now;
    },
  });
})();`;
}
