/**
 * Which script called a hooked API: the first frame on the call stack that is a web script and not
 * ours. The page shares our world and can rewrite the text of `new Error().stack`: V8 calls
 * `Error.prepareStackTrace` (own, or inherited from Function.prototype) when a stack is first read,
 * reads `Error.stackTraceLimit` when an error is made, and prints function names, which the page
 * chooses, and `//# sourceURL` names, which it writes. So in Chromium the hook never reads the
 * text: it asks V8 for the structured call sites and reads each frame's script with
 * CallSite.getFileName taken at install, before any page script (the URL the script was loaded
 * from, whatever its sourceURL says). While it asks, it shadows the page's prepareStackTrace with
 * its own and raises a stackTraceLimit the page lowered, and puts both back before the page runs
 * again. Where the page has locked them (non-configurable, or an Error that is not extensible),
 * or the stack does not start in our own code, the caller is only what the page's machinery says:
 * `writerEvidence: 'page-claim'`. SpiderMonkey (Firefox) has no such hooks: its text is its own.
 */
export interface Caller {
  scriptUrl?: string;
  writerEvidence?: 'page-claim';
}

type Site = object;
type Descriptor = PropertyDescriptor & { __proto__?: null };

/** Our frames (locator, emit, hook) and the caller's fit in V8's default limit. */
const MIN_FRAMES = 10;
const PRIVATE_PREPARE = 'prepareStackTrace';
const LIMIT = 'stackTraceLimit';

/** Call at install, before any page script. Returns the function each hook calls when it reports. */
export function callerLocator(win: typeof globalThis): () => Caller {
  const ErrorCtor = win.Error;
  const { getOwnPropertyDescriptor, defineProperty, isExtensible } = win.Object;
  const deleteProperty = win.Reflect.deleteProperty;
  const apply = win.Reflect.apply;
  const exec = win.RegExp.prototype.exec;
  const isWeb = (url: unknown): url is string => typeof url === 'string' && apply(exec, /^https?:\/\//, [url]) !== null;
  const copy = (d: PropertyDescriptor | undefined): Descriptor | undefined => (d ? ({ __proto__: null, ...d } as Descriptor) : undefined);

  /** Runs `read` with our prepareStackTrace in place and enough frames; undefined when the page locked either. */
  const withOwnMachinery = <T>(prepare: (error: unknown, sites: Site[]) => unknown, read: () => T): { value: T } | undefined => {
    const prepared = copy(getOwnPropertyDescriptor(ErrorCtor, PRIVATE_PREPARE));
    const limit = copy(getOwnPropertyDescriptor(ErrorCtor, LIMIT));
    const extensible = isExtensible(ErrorCtor);
    if (prepared ? !prepared.configurable : !extensible) return undefined;
    const limitOk = limit !== undefined && 'value' in limit && typeof limit.value === 'number' && limit.value >= MIN_FRAMES;
    if (!limitOk && (limit ? !limit.configurable && !('value' in limit && limit.writable) : !extensible)) return undefined;
    try {
      defineProperty(ErrorCtor, PRIVATE_PREPARE, { __proto__: null, value: prepare, writable: true, enumerable: false, configurable: true } as Descriptor);
      if (!limitOk) {
        const raised = limit && !limit.configurable ? { __proto__: null, value: MIN_FRAMES } : { __proto__: null, value: MIN_FRAMES, writable: true, enumerable: true, configurable: true };
        defineProperty(ErrorCtor, LIMIT, raised as Descriptor);
      }
      return { value: read() };
    } finally {
      if (prepared) defineProperty(ErrorCtor, PRIVATE_PREPARE, prepared);
      else deleteProperty(ErrorCtor, PRIVATE_PREPARE);
      if (!limitOk) {
        if (limit) defineProperty(ErrorCtor, LIMIT, limit);
        else deleteProperty(ErrorCtor, LIMIT);
      }
    }
  };

  // V8 only: the call sites' own getFileName, and the file name of our own script.
  let getFileName: ((this: Site) => unknown) | undefined;
  let ownScript: unknown;
  try {
    const probe = withOwnMachinery((_error, sites) => sites, () => new ErrorCtor().stack as unknown);
    const sites = probe?.value;
    if (Array.isArray(sites) && sites.length > 0) {
      getFileName = (Object.getPrototypeOf(sites[0]) as { getFileName?: (this: Site) => unknown }).getFileName;
      ownScript = getFileName && apply(getFileName, sites[0], []);
    }
  } catch {
    // Not V8: the stack's text is the engine's own.
  }

  const fromSites = (_error: unknown, sites: Site[]): Caller | undefined => {
    if (sites.length === 0 || apply(getFileName!, sites[0]!, []) !== ownScript) return undefined;
    for (let i = 1; i < sites.length; i++) {
      const file = apply(getFileName!, sites[i]!, []);
      if (file !== ownScript && isWeb(file)) return { __proto__: null, scriptUrl: file } as Caller;
    }
    return { __proto__: null } as Caller;
  };

  const stackGetter = getOwnPropertyDescriptor(ErrorCtor.prototype, 'stack')?.get;
  const stackText = (): string => {
    const error = new ErrorCtor();
    const stack = stackGetter ? apply(stackGetter, error, []) : error.stack;
    return typeof stack === 'string' ? stack : '';
  };

  return () => {
    try {
      if (getFileName) {
        const located = withOwnMachinery(fromSites, () => new ErrorCtor().stack as unknown as Caller | undefined);
        if (located?.value) return located.value;
        // Locked or forged-looking machinery: what it says is the page's word.
        const claimed = firstWebUrl(stackText(), apply, exec);
        return claimed ? { scriptUrl: claimed, writerEvidence: 'page-claim' } : { writerEvidence: 'page-claim' };
      }
      const url = firstWebUrl(stackText(), apply, exec);
      return url ? { scriptUrl: url } : {};
    } catch {
      return {};
    }
  };
}

/**
 * The first web URL that ends a line of a stack's text (`    at f (https://…/a.js:1:2)` in V8,
 * `f@https://…/a.js:1:2` in SpiderMonkey); the frames of our own extension script are not web URLs.
 */
function firstWebUrl(stack: string, apply: typeof Reflect.apply, exec: RegExp['exec']): string | undefined {
  const line = /[^\n]+/g;
  for (let match = apply(exec, line, [stack]) as RegExpExecArray | null; match; match = apply(exec, line, [stack]) as RegExpExecArray | null) {
    const location = apply(exec, /.*(https?:\/\/\S+?):\d+:\d+\)?$/, [match[0]]) as RegExpExecArray | null;
    if (location) return location[1];
  }
  return undefined;
}
