import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { disguiseAsNative } from '../../lib/observe/page/native-look';

/** A realm of its own, as a page is: its Function.prototype is not the test's. */
function page() {
  const context = createContext({});
  const win = runInContext('globalThis', context) as typeof globalThis;
  const run = <T>(source: string): T => runInContext(source, context) as T;
  const register = disguiseAsNative(win);
  // Made in the page's realm, as the hooks are.
  const hook = run<(...args: number[]) => number>('const original = Math.max; ({ max(...args) { return original(...args); } }).max');
  register(hook, win.Math.max);
  Object.assign(win, { hook });
  return { run, win };
}

describe('hooked functions read as native code', () => {
  it('gives a hook the text of the function it replaced, whichever way it is asked', () => {
    const { run } = page();
    expect(run('hook.toString()')).toBe('function max() { [native code] }');
    expect(run('Function.prototype.toString.call(hook)')).toBe('function max() { [native code] }');
    expect(run('String(hook)')).toBe('function max() { [native code] }');
  });

  it('leaves Function.prototype.toString looking like itself', () => {
    const { run } = page();
    expect(run('Function.prototype.toString.toString()')).toBe('function toString() { [native code] }');
    expect(run('Function.prototype.toString.call(Function.prototype.toString)')).toBe('function toString() { [native code] }');
    expect(run('[Function.prototype.toString.name, Function.prototype.toString.length, "prototype" in Function.prototype.toString]')).toEqual(['toString', 0, false]);
    const attributes = run<PropertyDescriptor>('Object.getOwnPropertyDescriptor(Function.prototype, "toString")');
    expect([attributes.writable, attributes.enumerable, attributes.configurable]).toEqual([true, false, true]);
  });

  it('answers every other function as before, and throws the same TypeError for a non-function', () => {
    const { run } = page();
    expect(run('(function f(a) { return a; }).toString()')).toBe('function f(a) { return a; }');
    expect(run('try { Function.prototype.toString.call({}); "no error" } catch (e) { e instanceof TypeError }')).toBe(true);
  });

  it('never consults a trap the page adds to Object.prototype', () => {
    const { run } = page();
    run('Object.prototype.get = () => { throw new Error("trap"); }; Object.prototype.apply = () => "trapped";');
    expect(run('Function.prototype.toString.name')).toBe('toString');
    expect(run('hook.toString()')).toBe('function max() { [native code] }');
  });
});
