import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { callerLocator, type Caller } from '../../lib/observe/page/caller';

/**
 * Node runs V8 too: a vm context stands for the page's world, its scripts are given web URLs as
 * file names, and `hooked()` stands for a hooked API (document.cookie's setter) that asks who
 * called it. The locator is installed before any "page script" runs, as at document_start.
 */
function page(): { run(code: string, url?: string): Caller } {
  const context = createContext({});
  const win = runInContext('globalThis', context) as typeof globalThis;
  const locate = callerLocator(win);
  let seen: Caller = {};
  Object.assign(context, { hooked: () => (seen = locate()) });
  return {
    run(code, url = 'https://www.site.test/app.js') {
      seen = {};
      runInContext(code, context, { filename: url });
      return { ...seen };
    },
  };
}

const FORGED = "() => 'Error\\n    at https://www.googletagmanager.com/gtag/js?id=G-FORGED:1:1'";

describe('callerLocator', () => {
  it('names the script that called the hook', () => {
    expect(page().run('hooked()')).toEqual({ scriptUrl: 'https://www.site.test/app.js' });
  });

  it('names the innermost web script, through functions of other scripts', () => {
    const p = page();
    p.run('globalThis.writeCookie = function () { hooked(); }', 'https://www.google-analytics.com/analytics.js');
    expect(p.run('writeCookie()')).toEqual({ scriptUrl: 'https://www.google-analytics.com/analytics.js' });
  });

  it('is not fooled by a rewritten Error.prepareStackTrace, and leaves it in place', () => {
    const p = page();
    expect(p.run(`Error.prepareStackTrace = ${FORGED}; hooked()`)).toEqual({ scriptUrl: 'https://www.site.test/app.js' });
    expect(p.run('if (!new Error().stack.includes("G-FORGED")) throw new Error("changed")')).toEqual({});
  });

  it('is not fooled by one inherited from Function.prototype, nor by a stack limit of 0', () => {
    const p = page();
    expect(p.run(`Function.prototype.prepareStackTrace = ${FORGED}; hooked()`)).toEqual({ scriptUrl: 'https://www.site.test/app.js' });
    expect(p.run('delete Function.prototype.prepareStackTrace; Error.stackTraceLimit = 0; hooked()')).toEqual({ scriptUrl: 'https://www.site.test/app.js' });
    expect(p.run('if (Error.stackTraceLimit !== 0 || new Error().stack.includes("\\n")) throw new Error("changed")')).toEqual({});
    expect(p.run('delete Error.stackTraceLimit; hooked()')).toEqual({ scriptUrl: 'https://www.site.test/app.js' });
    expect(p.run('if ("stackTraceLimit" in Error) throw new Error("added")')).toEqual({});
  });

  it('ignores a //# sourceURL the page gave its own code', () => {
    expect(page().run('hooked()\n//# sourceURL=https://www.googletagmanager.com/gtag/js')).toEqual({ scriptUrl: 'https://www.site.test/app.js' });
  });

  it('marks the caller a page claim when the page locked the machinery', () => {
    const p = page();
    const locked = p.run(`Object.defineProperty(Error, 'prepareStackTrace', { value: ${FORGED}, configurable: false }); hooked()`);
    expect(locked).toEqual({ scriptUrl: 'https://www.googletagmanager.com/gtag/js?id=G-FORGED', writerEvidence: 'page-claim' });
  });

  it('marks the caller a page claim when Error is frozen with a stack limit of 0', () => {
    const p = page();
    expect(p.run('Error.stackTraceLimit = 0; Object.freeze(Error); hooked()')).toEqual({ writerEvidence: 'page-claim' });
  });

  it('has no caller for code that is not a web script', () => {
    expect(page().run('hooked()', 'chrome-extension://abc/content.js')).toEqual({});
  });
});
