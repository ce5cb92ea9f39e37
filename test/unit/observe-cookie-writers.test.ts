import { describe, expect, it } from 'vitest';
import { pagesThatWrote, RECENT_MS, withCall, type CookieStoreCall } from '../../lib/observe/cookie-writers';

const A = { tabId: 1, pageUrl: 'https://www.shop.example/a' };
const B = { tabId: 2, pageUrl: 'https://www.shop.example/b' };
const NOW = 1_000_000;
const call = (page: typeof A, extra: Partial<CookieStoreCall> = {}): CookieStoreCall => ({ ...page, host: 'www.shop.example', at: NOW - 100, ...extra });
const cookie = { name: 'cs', domain: 'www.shop.example' };

describe('pagesThatWrote: which page a cookie change of the browser belongs to', () => {
  it('takes the pages that set this very cookie by header or document.cookie first', () => {
    expect(pagesThatWrote(cookie, { sightings: [{ ...B, at: NOW - 50 }], calls: [call(A)], contacted: [A, B] }, NOW)).toEqual([B]);
  });

  it('gives a cookieStore write to the tab whose page called cookieStore.set, not to every tab on the site', () => {
    expect(pagesThatWrote(cookie, { sightings: [], calls: [call(A)], contacted: [A, B] }, NOW)).toEqual([A]);
    expect(pagesThatWrote({ name: 'cs', domain: '.shop.example' }, { sightings: [], calls: [call(A)], contacted: [A, B] }, NOW)).toEqual([A]);
  });

  it('ignores calls that could not have written the cookie: another name, a host that may not set its domain, too long ago', () => {
    const calls = [call(A, { name: 'other' }), call(A, { host: 'cdn.elsewhere.example' }), call(A, { at: NOW - RECENT_MS - 1 })];
    expect(pagesThatWrote(cookie, { sightings: [], calls, contacted: [A, B] }, NOW)).toEqual([A, B]);
    expect(pagesThatWrote({ name: 'cs', domain: 'shop.example' }, { sightings: [], calls: [call(A, { host: 'shop.example.evil' })], contacted: [B] }, NOW)).toEqual([B]);
  });

  it('falls back to every tab whose page talked to the site when no page reported the write (a worker wrote it)', () => {
    expect(pagesThatWrote(cookie, { sightings: [{ ...A, at: NOW - RECENT_MS - 5 }], calls: [], contacted: [A, B] }, NOW)).toEqual([A, B]);
  });

  it('credits each calling tab once, with the page it showed at its last call', () => {
    const later = { tabId: 1, pageUrl: 'https://www.shop.example/a2' };
    expect(pagesThatWrote(cookie, { sightings: [], calls: [call(A), call(B, { name: 'cs' }), call(later)], contacted: [] }, NOW)).toEqual([later, B]);
  });
});

describe('withCall', () => {
  it('keeps recent calls only, and at most 500', () => {
    const old = call(A, { at: NOW - RECENT_MS - 1 });
    expect(withCall([old, call(B)], call(A, { at: NOW }))).toEqual([call(B), call(A, { at: NOW })]);
    let calls: CookieStoreCall[] = [];
    for (let i = 0; i < 600; i++) calls = withCall(calls, call(A, { at: NOW + i, name: `c${i}` }));
    expect(calls).toHaveLength(500);
    expect(calls[0]!.name).toBe('c100');
  });
});
