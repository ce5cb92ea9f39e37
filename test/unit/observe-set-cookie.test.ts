import { describe, expect, it } from 'vitest';
import { parseSetCookie, splitSetCookieHeaders } from '../../lib/observe/set-cookie';

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
