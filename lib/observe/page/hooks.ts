import { offerChannel } from './channel';
import { disguiseAsNative } from './native-look';
import { callerLocator } from './caller';
import { KEY_LIMIT, ReportLimiter } from './report-limits';

type Emit = (event: Record<string, unknown>) => void;
type AnyFunction = (...args: never[]) => unknown;
type Register = (hook: AnyFunction, original: AnyFunction) => void;
const PREVIEW = 32;

/**
 * The browser's own functions the hooks call, taken at install, before any page script: the page
 * may replace or patch the originals later (Function.prototype.call, String.prototype.slice, the
 * localStorage getter, …), and must neither see the hooks run through them nor break them.
 */
interface Natives {
  apply: typeof Reflect.apply;
  slice: (text: string, end: number) => string;
  reject: (reason: unknown) => Promise<never>;
}

/**
 * Runs in the page's MAIN world at document_start, before any page script, in every frame.
 * Wraps the APIs that store or send data so each call is reported with the calling script's URL,
 * over a channel the page cannot listen to or stop (channel.ts).
 * The page must not notice: every wrapper calls the original with the same arguments, returns
 * its result, lets its exceptions through, keeps name, length, property attributes and native
 * source text (native-look.ts), and converts the page's arguments exactly once: a toString or
 * getter of the page's runs as often as without the hooks.
 */
export function installPageHooks(win: typeof globalThis): void {
  const apply = win.Reflect.apply;
  const dateNow = win.Date.now;
  const DateCtor = win.Date;
  // Past the frame's limits a call is counted, not reported: no caller read, no report made.
  const limiter = new ReportLimiter(undefined, () => apply(dateNow, DateCtor, []) as number);
  const post = offerChannel(win, () => limiter.takeLeftOut());
  const caller = callerLocator(win);
  const register = disguiseAsNative(win);
  const stringify = win.JSON.stringify;
  const stringSlice = win.String.prototype.slice;
  const promiseReject = win.Promise.reject;
  const PromiseCtor = win.Promise;
  const natives: Natives = {
    apply,
    slice: (text, end) => apply(stringSlice, text, [0, end]),
    reject: (reason) => apply(promiseReject, PromiseCtor, [reason]),
  };
  const emit: Emit = (event) => {
    if (!limiter.admit(0)) return;
    try {
      // No prototype: JSON.stringify would call a toJSON the page put on Object.prototype.
      post(stringify({ __proto__: null, ...event, ...caller() }));
    } catch {
      // Reporting must never break the page.
    }
  };
  const absolute = absoluteUrl(win, natives);
  hookCookie(win, emit, natives, register);
  hookWebStorage(win, emit, natives, register);
  // IndexedDB opens by a DOMString name, and throws its conversion errors; the others return promises.
  const text = (value: unknown): Converted => {
    const name = `${value}`;
    return { pass: name, text: name };
  };
  hookMethod(win.IDBFactory?.prototype, 'open', { natives, register, convert: text, report: (name) => emit({ type: 'database', via: 'hook', area: 'indexedDB', name }) });
  hookMethod(win.CacheStorage?.prototype, 'open', { natives, register, async: true, convert: text, report: (name) => emit({ type: 'database', via: 'hook', area: 'cache', name }) });
  hookMethod(win.ServiceWorkerContainer?.prototype, 'register', {
    natives,
    register,
    async: true,
    convert: scriptUrlConversion(win, natives),
    report: (url) => {
      const href = absolute(url);
      emit({ type: 'database', via: 'hook', area: 'serviceWorker', name: href, url: href });
    },
  });
  // cookieStore.set's arguments are the browser's to convert (a dictionary's getters run once,
  // in its order): the hook reads only a name passed as a plain string, and else reports a write.
  hookMethod((win as { CookieStore?: { prototype: object } }).CookieStore?.prototype, 'set', {
    natives,
    register,
    async: true,
    convert: (value) => ({ pass: value, text: typeof value === 'string' ? natives.slice(value, KEY_LIMIT) : '' }),
    report: (name) => emit({ type: 'cookie-store-write', ...(name ? { name } : {}) }),
  });
  hookFetch(win, emit, natives, register);
}

function hookCookie(win: typeof globalThis, emit: Emit, { apply }: Natives, register: Register): void {
  const proto = win.Document.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'cookie');
  if (!original?.set || !original.get) return;
  const set = original.set;
  // An accessor from an object literal is named "set cookie", like the native one.
  const replacement = Object.getOwnPropertyDescriptor(
    {
      set cookie(value: unknown) {
        const text = `${value}`;
        apply(set, this, [text]);
        emit({ type: 'cookie-write', cookie: text });
      },
    },
    'cookie',
  )!;
  register(replacement.set!, set);
  Object.defineProperty(proto, 'cookie', { ...original, set: replacement.set });
}

function hookWebStorage(win: typeof globalThis, emit: Emit, { apply, slice }: Natives, register: Register): void {
  const proto = win.Storage?.prototype;
  if (!proto) return;
  const localStorageOf = getterOf(win, 'localStorage');
  const sessionStorageOf = getterOf(win, 'sessionStorage');
  const areaOf = (storage: unknown): string | undefined => {
    try {
      if (localStorageOf && storage === apply(localStorageOf, win, [])) return 'localStorage';
    } catch { /* opaque origins throw on access */ }
    try {
      if (sessionStorageOf && storage === apply(sessionStorageOf, win, [])) return 'sessionStorage';
    } catch { /* likewise */ }
    return undefined;
  };
  const original = proto.setItem;
  const replacement = {
    setItem(this: Storage, key: string, value: string) {
      // Too few arguments: let the original throw its own TypeError.
      if (arguments.length < 2) return apply(original, this, arguments as unknown as [string, string]);
      const k = `${key}`;
      const v = `${value}`;
      const result = apply(original, this, [k, v]);
      const area = areaOf(this);
      // A long key is cut here, before it is copied into the report (a page can write 4 KB keys in a loop).
      if (area) emit({ type: 'storage', via: 'hook', area, key: slice(k, KEY_LIMIT), ...(k.length > KEY_LIMIT ? { keyLength: k.length } : {}), valueSize: v.length, valuePreview: slice(v, PREVIEW) });
      return result;
    },
  }.setItem;
  register(replacement, original);
  Object.defineProperty(proto, 'setItem', { ...Object.getOwnPropertyDescriptor(proto, 'setItem'), value: replacement });
}

/**
 * The first argument converted once, as the browser would (or, where the browser's conversion is
 * left to it, passed as it came): what the original gets, and the text reported.
 */
interface Converted {
  pass: unknown;
  text: string;
}

interface MethodHook {
  natives: Natives;
  register: Register;
  /** The method returns a promise: a conversion error rejects it instead of throwing, as the browser's does. */
  async?: boolean;
  convert: (value: unknown) => Converted;
  report: (text: string) => void;
}

/**
 * Replaces a method with a wrapper of the same name, length and text that converts the first
 * argument once (hook.convert), passes the result to the original and reports once the call has returned.
 */
function hookMethod(target: object | undefined, name: string, hook: MethodHook): void {
  const descriptor = target && Object.getOwnPropertyDescriptor(target, name);
  if (!target || !descriptor || typeof descriptor.value !== 'function') return;
  const original = descriptor.value as AnyFunction;
  const { apply, reject } = hook.natives;
  const wrapper = {
    [name](this: unknown, ...args: unknown[]) {
      // Without arguments the original throws (or rejects) its own TypeError.
      if (args.length === 0) return apply(original, this, args);
      let converted: Converted;
      try {
        converted = hook.convert(args[0]);
      } catch (error) {
        if (hook.async) return reject(error);
        throw error;
      }
      args[0] = converted.pass;
      const result = apply(original, this, args);
      hook.report(converted.text);
      return result;
    },
  }[name]!;
  Object.defineProperty(wrapper, 'length', { value: original.length });
  hook.register(wrapper, original);
  Object.defineProperty(target, name, { ...descriptor, value: wrapper });
}

/**
 * fetch(input, init) first builds a Request from its arguments; the hook has the browser's own
 * Request constructor do that once (the page's toString and getters run once, in the same order)
 * and hands the original fetch that Request, whose keepalive and URL it reads with native getters.
 */
function hookFetch(win: typeof globalThis, emit: Emit, { apply, reject }: Natives, register: Register): void {
  const target = ownerOf(win, 'fetch');
  const descriptor = target && Object.getOwnPropertyDescriptor(target, 'fetch');
  const RequestCtor = win.Request;
  const keepaliveOf = RequestCtor && getterOf(RequestCtor.prototype, 'keepalive');
  const urlOf = RequestCtor && getterOf(RequestCtor.prototype, 'url');
  if (!target || typeof descriptor?.value !== 'function' || !keepaliveOf || !urlOf) return;
  const original = descriptor.value as AnyFunction;
  const wrapper = {
    fetch(this: unknown, ...args: unknown[]) {
      if (args.length === 0) return apply(original, this, args);
      let request: Request;
      try {
        request = new RequestCtor(args[0] as RequestInfo, args[1] as RequestInit | undefined);
      } catch (error) {
        return reject(error);
      }
      const result = apply(original, this, [request]);
      if (apply(keepaliveOf, request, []) === true) emit({ type: 'beacon', via: 'keepalive', url: apply(urlOf, request, []) });
      return result;
    },
  }.fetch;
  Object.defineProperty(wrapper, 'length', { value: original.length });
  register(wrapper, original);
  Object.defineProperty(target, 'fetch', { ...descriptor, value: wrapper });
}

/**
 * serviceWorker.register takes a TrustedScriptURL or a string: a TrustedScriptURL is passed on as
 * it is (a string in its place fails where the site enforces Trusted Types), anything else is
 * converted once.
 */
function scriptUrlConversion(win: typeof globalThis, { apply }: Natives): (value: unknown) => Converted {
  const trustedToString = (win as { TrustedScriptURL?: { prototype: { toString(): string } } }).TrustedScriptURL?.prototype.toString;
  return (value) => {
    if (trustedToString && typeof value === 'object' && value !== null) {
      let text: string | undefined;
      try {
        text = apply(trustedToString, value, []) as string; // throws unless it is a TrustedScriptURL
      } catch { /* not one: convert it */ }
      if (text !== undefined) return { pass: value, text };
    }
    const text = `${value}`;
    return { pass: text, text };
  };
}

function ownerOf(win: typeof globalThis, name: string): object | undefined {
  for (let o: object | null = win; o; o = Object.getPrototypeOf(o)) if (Object.hasOwn(o, name)) return o;
  return undefined;
}

function getterOf(object: object, name: string): (() => unknown) | undefined {
  for (let o: object | null = object; o; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor) return descriptor.get;
  }
  return undefined;
}

/** Resolves a URL against the document's base with the browser's own URL parser and getters. */
function absoluteUrl(win: typeof globalThis, { apply }: Natives): (url: string) => string {
  const URLCtor = win.URL;
  const baseOf = getterOf(win.Node.prototype, 'baseURI');
  const hrefOf = getterOf(URLCtor.prototype, 'href');
  const doc = win.document;
  return (url) => {
    try {
      return apply(hrefOf!, new URLCtor(url, apply(baseOf!, doc, []) as string), []) as string;
    } catch {
      return url;
    }
  };
}
