import { describe, expect, it } from 'vitest';
import { CookieJar, jarCookieFor, withJarLifetime, type CookieQuery, type JarCookie } from '../../lib/observe/cookie-jar';
import { storedCookieObservation } from '../../lib/observe/cookies';
import { parseSetCookie } from '../../lib/observe/set-cookie';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const PAGE = 'https://www.site.test/page';
const claim = (header: string, url = PAGE) => parseSetCookie(header, url, NOW)!;
const jarCookie = (c: Partial<JarCookie> & Pick<JarCookie, 'name' | 'domain'>): JarCookie => ({ path: '/', session: true, ...c });

/** A cookies API that holds `cookies` from the `storedAfter`-th lookup on, and records every query. */
function fakeApi(cookies: JarCookie[], { storedAfter = 0, partitioned = false } = {}) {
  const queries: CookieQuery[] = [];
  const getAll = async (query: CookieQuery) => {
    queries.push(query);
    if (queries.length <= storedAfter || Boolean(query.partitionKey) !== partitioned) return [];
    return cookies.filter((c) => c.name === query.name && c.domain.replace(/^\./, '').endsWith(query.domain!));
  };
  return { getAll, queries };
}

const noWait = async () => undefined;

describe('jarCookieFor', () => {
  it('matches name, domain (with or without its leading dot) and path', () => {
    const jar = [jarCookie({ name: 'id', domain: '.site.test' }), jarCookie({ name: 'id', domain: 'www.site.test', path: '/x' })];
    expect(jarCookieFor(jar, claim('id=1; Domain=site.test; Path=/'))).toBe(jar[0]);
    expect(jarCookieFor(jar, claim('id=1; Path=/x'))).toBe(jar[1]);
    expect(jarCookieFor(jar, claim('id=1; Path=/'))).toBeUndefined();
    expect(jarCookieFor(jar, claim('other=1; Domain=site.test'))).toBeUndefined();
  });
});

describe('withJarLifetime', () => {
  it('keeps the claimed lifetime within a minute of the stored one, else takes the browser’s (400-day cap)', () => {
    const twoYears = claim('id=1; Max-Age=63072000');
    const capped = jarCookie({ name: 'id', domain: 'www.site.test', session: false, expirationDate: NOW / 1000 + 400 * 86400 });
    expect(withJarLifetime(twoYears, capped, NOW).details.lifetimeSeconds).toBe(400 * 86400);
    const hour = claim('id=1; Max-Age=3600');
    const stored = jarCookie({ name: 'id', domain: 'www.site.test', session: false, expirationDate: NOW / 1000 + 3599.4 });
    expect(withJarLifetime(hour, stored, NOW).details.lifetimeSeconds).toBe(3600);
  });
});

describe('CookieJar', () => {
  it('finds a cookie the browser stored a moment after the write', async () => {
    const api = fakeApi([jarCookie({ name: 'id', domain: 'www.site.test' })], { storedAfter: 1 });
    const found = await new CookieJar(api.getAll, noWait).find(claim('id=1'), PAGE);
    expect(found?.name).toBe('id');
    expect(api.queries).toHaveLength(2);
  });

  it('gives up on a cookie the browser refused, after a bounded number of looks', async () => {
    const api = fakeApi([]);
    expect(await new CookieJar(api.getAll, noWait).find(claim('id=1'), PAGE)).toBeUndefined();
    expect(api.queries).toHaveLength(3);
  });

  it('looks for a third party’s cookie in the page’s partition too', async () => {
    const tracker = jarCookie({ name: 'uid', domain: 'tracker.other.test' });
    const api = fakeApi([tracker], { partitioned: true });
    const found = await new CookieJar(api.getAll, noWait, []).find(claim('uid=1; Partitioned; Secure', 'https://tracker.other.test/p'), PAGE);
    expect(found).toBe(tracker);
    expect(api.queries.at(-1)).toEqual({ name: 'uid', domain: 'tracker.other.test', partitionKey: { topLevelSite: 'https://site.test' } });
  });

  it('asks once, unpartitioned, for the site’s own cookies', async () => {
    const api = fakeApi([]);
    await new CookieJar(api.getAll, noWait, []).find(claim('id=1'), PAGE);
    expect(api.queries).toEqual([{ name: 'id', domain: 'www.site.test' }]);
  });
});

describe('storedCookieObservation', () => {
  const base = { pageUrl: PAGE, time: 1 };
  it('makes a confirmed script write a browser fact, the hook its witness', () => {
    const o = storedCookieObservation({ ...base, cookie: claim('id=1'), via: 'js', url: 'https://www.site.test/app.js' });
    expect(o).toMatchObject({ source: 'browser-api', confirmedBy: ['page-hook'], via: ['js'], url: 'https://www.site.test/app.js' });
  });

  it('keeps a header network evidence, confirmed by the browser', () => {
    const o = storedCookieObservation({ ...base, cookie: claim('id=1'), via: 'http', url: PAGE });
    expect(o).toMatchObject({ source: 'network', confirmedBy: ['browser-api'], via: ['http'] });
  });
});
