import { describe, expect, it } from 'vitest';
import { mayHostSetCookieDomain, parseSetCookie, splitSetCookieHeaders } from '../../lib/observe/set-cookie';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('parseSetCookie', () => {
  it.each([
    [
      'IDE=AHW; Max-Age=31536000; Path=/; Domain=.doubleclick.net; Secure; HttpOnly; SameSite=None',
      'https://stats.g.doubleclick.net/r/collect',
      { name: 'IDE', details: { domain: 'doubleclick.net', path: '/', lifetimeSeconds: 31536000, secure: true, httpOnly: true, sameSite: 'none' }, deletes: false },
    ],
    [
      'PHPSESSID=9f; Path=/; HttpOnly',
      'https://www.inbenta.com/en/x.html',
      { name: 'PHPSESSID', details: { domain: 'www.inbenta.com', path: '/', lifetimeSeconds: null, httpOnly: true }, deletes: false },
    ],
    [
      'a=b; Expires=Fri, 02 Jan 2026 00:00:00 GMT',
      'https://x.test/dir/page',
      { name: 'a', details: { domain: 'x.test', path: '/dir', lifetimeSeconds: 86400 }, deletes: false },
    ],
    [
      'a=b; Expires=Fri, 02 Jan 2026 00:00:00 GMT; Max-Age=60',
      'https://x.test/',
      { name: 'a', details: { domain: 'x.test', path: '/', lifetimeSeconds: 60 }, deletes: false },
    ],
    [
      'gone=; Max-Age=0',
      'https://x.test/',
      { name: 'gone', details: { domain: 'x.test', path: '/', lifetimeSeconds: 0 }, deletes: true },
    ],
  ])('%s', (header, url, expected) => {
    expect(parseSetCookie(header, url, NOW)).toEqual(expected);
  });

  it('ignores an empty header', () => {
    expect(parseSetCookie('  ', 'https://x.test/', NOW)).toBeUndefined();
  });

  it('ignores a cookie for a domain the host may not set, as the browser does', () => {
    expect(parseSetCookie('x=1; Domain=doubleclick.net', 'https://www.auditor-fixture.com/', NOW)).toBeUndefined();
    expect(parseSetCookie('forged_dc=1; domain=.doubleclick.net; path=/', 'https://www.auditor-fixture.com/p.html', NOW)).toBeUndefined();
    expect(parseSetCookie('a=1; Domain=co.uk', 'https://shop.example.co.uk/', NOW)).toBeUndefined();
  });

  it('keeps a cookie for the host’s own parent domain, and a Domain naming a host without a site as host-only', () => {
    expect(parseSetCookie('a=1; Domain=EXAMPLE.com', 'https://a.example.com/', NOW)?.details.domain).toBe('example.com');
    expect(parseSetCookie('a=1; Domain=127.0.0.1', 'http://127.0.0.1:8080/', NOW)?.details.domain).toBe('127.0.0.1');
  });
});

describe('mayHostSetCookieDomain (RFC 6265 §5.3 steps 5–6)', () => {
  it.each([
    ['a.example.com', 'example.com', true],
    ['a.example.com', '.example.com', true],
    ['a.example.com', 'a.example.com', true],
    ['example.com', 'example.com', true],
    ['A.Example.COM', 'example.com', true],
    ['a.example.com', 'b.example.com', false],
    ['example.com', 'a.example.com', false],
    ['a.example.com', 'doubleclick.net', false],
    ['www.auditor-fixture.com', 'doubleclick.net', false],
    ['notexample.com', 'example.com', false],
    ['a.example.com', 'com', false],
    ['shop.example.co.uk', 'example.co.uk', true],
    ['shop.example.co.uk', 'co.uk', false],
    ['co.uk', 'co.uk', true],
    ['alice.github.io', 'github.io', false],
    ['alice.github.io', 'alice.github.io', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '0.0.1', false],
    ['10.0.0.1', '0.1', false],
    ['[::1]', '[::1]', true],
    ['localhost', 'localhost', true],
    ['a.localhost', 'localhost', false],
  ])('%s may set %s: %s', (host, domain, allowed) => {
    expect(mayHostSetCookieDomain(host, domain)).toBe(allowed);
  });
});

describe('splitSetCookieHeaders', () => {
  it('splits the newline-joined form and ignores other headers', () => {
    expect(
      splitSetCookieHeaders([
        { name: 'Set-Cookie', value: 'a=1\nb=2' },
        { name: 'content-type', value: 'text/html' },
        { name: 'set-cookie', value: 'c=3' },
      ]),
    ).toEqual(['a=1', 'b=2', 'c=3']);
  });
});
