import { HOOK_EVENT } from './hook-event';

type Emit = (event: Record<string, unknown>) => void;
const PREVIEW = 32;

/**
 * Runs in the page's MAIN world at document_start, before any page script, in every frame.
 * Wraps the APIs that store or send data so each call is reported with the calling script's URL.
 * The page must not notice: every wrapper calls the original with the same arguments, returns
 * its result, lets its exceptions through, keeps name, length and property attributes, and
 * converts arguments to strings exactly once.
 */
export function installPageHooks(win: typeof globalThis): void {
  const doc = win.document;
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const CustomEventCtor = win.CustomEvent;
  const stringify = win.JSON.stringify;
  const emit: Emit = (event) => {
    try {
      dispatch.call(doc, new CustomEventCtor(HOOK_EVENT, { detail: stringify({ ...event, scriptUrl: callerUrl() }) }));
    } catch {
      // Reporting must never break the page.
    }
  };
  hookCookie(win, emit);
  hookWebStorage(win, emit);
  hookMethod(win.IDBFactory?.prototype, 'open', (args) => emit({ type: 'database', via: 'hook', area: 'indexedDB', name: `${args[0]}` }));
  hookMethod(win.CacheStorage?.prototype, 'open', (args) => emit({ type: 'database', via: 'hook', area: 'cache', name: `${args[0]}` }));
  hookMethod(win.ServiceWorkerContainer?.prototype, 'register', (args) =>
    emit({ type: 'database', via: 'hook', area: 'serviceWorker', name: absolute(win, `${args[0]}`), url: absolute(win, `${args[0]}`) }),
  );
  hookMethod(ownerOf(win, 'fetch'), 'fetch', (args) => {
    const [input, init] = args as [unknown, RequestInit | undefined];
    const isRequest = typeof win.Request === 'function' && input instanceof win.Request;
    if (init?.keepalive === true || (isRequest && (input as Request).keepalive)) {
      emit({ type: 'beacon', via: 'keepalive', url: absolute(win, isRequest ? (input as Request).url : `${input}`) });
    }
  });
}

function hookCookie(win: typeof globalThis, emit: Emit): void {
  const proto = win.Document.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'cookie');
  if (!original?.set || !original.get) return;
  const set = original.set;
  // An accessor from an object literal is named "set cookie", like the native one.
  const replacement = Object.getOwnPropertyDescriptor(
    {
      set cookie(value: unknown) {
        const text = `${value}`;
        set.call(this, text);
        emit({ type: 'cookie-write', cookie: text });
      },
    },
    'cookie',
  )!;
  Object.defineProperty(proto, 'cookie', { ...original, set: replacement.set });
}

function hookWebStorage(win: typeof globalThis, emit: Emit): void {
  const areaOf = (storage: unknown): string | undefined => {
    try {
      if (storage === win.localStorage) return 'localStorage';
    } catch { /* opaque origins throw on access */ }
    try {
      if (storage === win.sessionStorage) return 'sessionStorage';
    } catch { /* likewise */ }
    return undefined;
  };
  const proto = win.Storage?.prototype;
  if (!proto) return;
  const original = proto.setItem;
  const replacement = {
    setItem(this: Storage, key: string, value: string) {
      // Too few arguments: let the original throw its own TypeError.
      if (arguments.length < 2) return original.apply(this, arguments as unknown as [string, string]);
      const k = `${key}`;
      const v = `${value}`;
      const result = original.call(this, k, v);
      const area = areaOf(this);
      if (area) emit({ type: 'storage', via: 'hook', area, key: k.slice(0, 4096), valueSize: v.length, valuePreview: v.slice(0, PREVIEW) });
      return result;
    },
  }.setItem;
  Object.defineProperty(proto, 'setItem', { ...Object.getOwnPropertyDescriptor(proto, 'setItem'), value: replacement });
}

/** Replaces a method with a wrapper of the same name and length that reports after a successful call. */
function hookMethod(target: object | undefined, name: string, report: (args: unknown[]) => void): void {
  const descriptor = target && Object.getOwnPropertyDescriptor(target, name);
  if (!target || !descriptor || typeof descriptor.value !== 'function') return;
  const original = descriptor.value as (...args: unknown[]) => unknown;
  const wrapper = {
    [name](this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      report(args);
      return result;
    },
  }[name]!;
  Object.defineProperty(wrapper, 'length', { value: original.length });
  Object.defineProperty(target, name, { ...descriptor, value: wrapper });
}

function ownerOf(win: typeof globalThis, name: string): object | undefined {
  for (let o: object | null = win; o; o = Object.getPrototypeOf(o)) if (Object.hasOwn(o, name)) return o;
  return undefined;
}

function absolute(win: typeof globalThis, url: string): string {
  try {
    return new win.URL(url, win.document.baseURI).href;
  } catch {
    return url;
  }
}

/** URL of the page script that called the hooked API: the first web URL on the stack. */
function callerUrl(): string | undefined {
  try {
    const stack = new Error().stack ?? '';
    return /(https?:\/\/[^\s)]+?):\d+:\d+/.exec(stack)?.[1];
  } catch {
    return undefined;
  }
}
