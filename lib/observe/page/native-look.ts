type AnyFunction = (...args: never[]) => unknown;

/**
 * Hooked functions must read as the browser's own: `fetch.toString()` and
 * `Function.prototype.toString.call(hook)` give the text of the function the hook replaced
 * ("function fetch() { [native code] }"). Function.prototype.toString becomes a Proxy of itself,
 * so its name, length, text and the TypeError it throws for a non-function stay the browser's; for
 * a registered hook it answers with the replaced function's text. The handler has no prototype,
 * so a trap the page adds to Object.prototype is never consulted, and the lookup reads only our
 * own arrays. Call before any page script runs; returns the function that registers a hook.
 *
 * lib/headless/pending-timers.ts does the same in its init script (a source text of its own).
 */
export function disguiseAsNative(win: typeof globalThis): (hook: AnyFunction, original: AnyFunction) => void {
  const proto = win.Function.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'toString');
  const toString = descriptor?.value as AnyFunction | undefined;
  if (!descriptor || typeof toString !== 'function') return () => undefined;
  const apply = win.Reflect.apply;
  const hooks: unknown[] = [];
  const originals: unknown[] = [];
  const handler = {
    __proto__: null,
    apply(target: AnyFunction, self: unknown, args: unknown[]) {
      for (let i = 0; i < hooks.length; i++) if (hooks[i] === self) return apply(target, originals[i], args);
      return apply(target, self, args);
    },
  } as ProxyHandler<AnyFunction>;
  const proxy = new win.Proxy(toString, handler);
  const register = (hook: AnyFunction, original: AnyFunction) => {
    hooks[hooks.length] = hook;
    originals[originals.length] = original;
  };
  register(proxy, toString);
  Object.defineProperty(proto, 'toString', { ...descriptor, value: proxy });
  return register;
}
