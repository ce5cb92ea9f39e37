import { describe, expect, it } from 'vitest';
import { toHar, type HarEntry, type RecordedExchange, type RecordedPage } from '../../lib/headless/har';

const T0 = Date.parse('2026-01-01T12:00:00.000Z');
const CREATOR = { name: 'policy-tracker-auditor', version: '0.1.0' };
const PAGE: RecordedPage = { url: 'https://shop.test/', startedAt: T0, onContentLoadMs: 120.4, onLoadMs: 310 };

const TIMING = {
  domainLookupStart: 2,
  domainLookupEnd: 5,
  connectStart: 5,
  secureConnectionStart: 8,
  connectEnd: 20,
  requestStart: 21,
  responseStart: 61,
  responseEnd: 71.5,
};

const documentRequest: RecordedExchange = {
  startedAt: T0 + 1,
  method: 'GET',
  url: 'https://shop.test/',
  resourceType: 'document',
  requestHeaders: [
    { name: 'Accept', value: 'text/html' },
    { name: 'Cookie', value: 'sid=abc123; theme=dark' },
  ],
  timing: TIMING,
  sizes: { requestBodySize: 0, requestHeadersSize: 310, responseBodySize: 5120, responseHeadersSize: 220 },
  response: {
    status: 200,
    statusText: 'OK',
    httpVersion: 'HTTP/1.1',
    serverIp: '127.0.0.1',
    headers: [
      { name: 'Content-Type', value: 'text/html; charset=utf-8' },
      { name: 'Set-Cookie', value: 'sid=abc123; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax' },
      { name: 'set-cookie', value: 'seen=1' },
    ],
  },
};

const pixel: RecordedExchange = {
  startedAt: T0 + 400,
  method: 'GET',
  url: 'https://tracker.test/p.gif?uid=42&ev=view',
  resourceType: 'image',
  requestHeaders: [{ name: 'Referer', value: 'https://shop.test/' }],
  timing: { ...TIMING, domainLookupStart: -1, domainLookupEnd: -1, connectStart: -1, secureConnectionStart: -1, connectEnd: -1, requestStart: 1 },
  sizes: { requestBodySize: 0, requestHeadersSize: 200, responseBodySize: 43, responseHeadersSize: 90 },
  response: { status: 302, statusText: 'Found', headers: [{ name: 'Location', value: '/sync?uid=42' }] },
};

const blocked: RecordedExchange = {
  startedAt: T0 + 200,
  method: 'POST',
  url: 'https://beacon.test/collect',
  resourceType: 'ping',
  requestHeaders: [{ name: 'Content-Type', value: 'text/plain' }],
  failure: 'net::ERR_BLOCKED_BY_CLIENT',
};

/** The fields HAR 1.2 requires of an entry, with their types. */
function expectValidEntry(entry: HarEntry): void {
  expect(entry.pageref).toBe('page_1');
  expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
  expect(entry.time).toBeGreaterThanOrEqual(0);
  const { request, response, timings } = entry;
  for (const [key, type] of Object.entries({ method: 'string', url: 'string', httpVersion: 'string', headersSize: 'number', bodySize: 'number' })) {
    expect(typeof (request as Record<string, unknown>)[key], `request.${key}`).toBe(type);
  }
  for (const list of [request.cookies, request.headers, request.queryString, response.cookies, response.headers]) expect(Array.isArray(list)).toBe(true);
  for (const header of [...request.headers, ...response.headers]) expect(Object.keys(header).sort()).toEqual(expect.arrayContaining(['name', 'value']));
  for (const [key, type] of Object.entries({ status: 'number', statusText: 'string', httpVersion: 'string', redirectURL: 'string', headersSize: 'number', bodySize: 'number' })) {
    expect(typeof (response as Record<string, unknown>)[key], `response.${key}`).toBe(type);
  }
  expect(typeof response.content.size).toBe('number');
  expect(typeof response.content.mimeType).toBe('string');
  expect(entry.cache).toEqual({});
  for (const phase of ['send', 'wait', 'receive'] as const) expect(timings[phase], phase).toBeGreaterThanOrEqual(0);
  for (const phase of ['blocked', 'dns', 'connect', 'ssl'] as const) expect(timings[phase] === -1 || timings[phase] >= 0, phase).toBe(true);
  // ssl is part of connect, so it is not added to the total again.
  const total = [timings.blocked, timings.dns, timings.connect, timings.send, timings.wait, timings.receive].filter((t) => t > 0).reduce((a, b) => a + b, 0);
  expect(entry.time).toBeCloseTo(total, 3);
}

describe('toHar: recorded requests of one page → HAR 1.2', () => {
  const har = toHar(PAGE, [pixel, blocked, documentRequest], { creator: CREATOR, valuePreviews: true });

  it('has the log, creator and the one page the entries refer to', () => {
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual(CREATOR);
    expect(har.log.pages).toEqual([
      { startedDateTime: '2026-01-01T12:00:00.000Z', id: 'page_1', title: 'https://shop.test/', pageTimings: { onContentLoad: 120.4, onLoad: 310 } },
    ]);
    expect(har.log.comment).toBe('Response bodies are not recorded.');
    // JSON through and through: what is written is what a reader parses.
    expect(JSON.parse(JSON.stringify(har))).toEqual(har);
  });

  it('lists every request in the order they started, each a valid entry', () => {
    expect(har.log.entries.map((e) => e.request.url)).toEqual(['https://shop.test/', 'https://beacon.test/collect', 'https://tracker.test/p.gif?uid=42&ev=view']);
    har.log.entries.forEach(expectValidEntry);
  });

  it('keeps method, status, headers, mime type, sizes, server address and timings', () => {
    const [doc] = har.log.entries;
    expect(doc!.startedDateTime).toBe('2026-01-01T12:00:00.001Z');
    expect(doc!.request).toMatchObject({ method: 'GET', httpVersion: 'HTTP/1.1', headersSize: 310, bodySize: 0 });
    expect(doc!.request.headers).toEqual(documentRequest.requestHeaders);
    expect(doc!.response).toMatchObject({ status: 200, statusText: 'OK', headersSize: 220, bodySize: 5120, redirectURL: '' });
    expect(doc!.response.content).toEqual({ size: 5120, mimeType: 'text/html; charset=utf-8' });
    expect(doc!.serverIPAddress).toBe('127.0.0.1');
    expect(doc!._resourceType).toBe('document');
    expect(doc!.timings).toEqual({ blocked: 2, dns: 3, connect: 15, send: 0, wait: 40, receive: 10.5, ssl: 12 });
    expect(doc!.time).toBe(70.5);
  });

  it('parses cookies from Cookie and every Set-Cookie header', () => {
    const [doc] = har.log.entries;
    expect(doc!.request.cookies).toEqual([
      { name: 'sid', value: 'abc123' },
      { name: 'theme', value: 'dark' },
    ]);
    expect(doc!.response.cookies).toEqual([
      { name: 'sid', value: 'abc123', path: '/', domain: 'shop.test', expires: '2026-01-01T13:00:00.001Z', httpOnly: true, secure: true, sameSite: 'lax' },
      { name: 'seen', value: '1', path: '/', domain: 'shop.test' },
    ]);
  });

  it('resolves redirects and splits the query string', () => {
    const redirect = har.log.entries[2]!;
    expect(redirect.response.redirectURL).toBe('https://tracker.test/sync?uid=42');
    expect(redirect.request.queryString).toEqual([
      { name: 'uid', value: '42' },
      { name: 'ev', value: 'view' },
    ]);
    expect(redirect.timings).toMatchObject({ blocked: 1, dns: -1, connect: -1, ssl: -1 });
    expect(redirect.response.content.mimeType).toBe('x-unknown');
  });

  it('keeps a failed request with status 0, its error and unknown sizes', () => {
    const failed = har.log.entries[1]!;
    expect(failed.response).toMatchObject({ status: 0, statusText: '', headers: [], headersSize: -1, bodySize: -1, content: { size: -1, mimeType: 'x-unknown' } });
    expect(failed._failureText).toBe('net::ERR_BLOCKED_BY_CLIENT');
    expect(failed.request).toMatchObject({ method: 'POST', headersSize: -1, bodySize: -1 });
    expect(failed.timings).toEqual({ blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1 });
    expect(failed.time).toBe(0);
  });
});

describe('toHar with --no-values', () => {
  const har = toHar(PAGE, [documentRequest], { creator: CREATOR, valuePreviews: false, leftOut: 3 });
  const [doc] = har.log.entries;

  it('omits the values of Cookie and Set-Cookie headers, and the cookies parsed from them', () => {
    const text = JSON.stringify(har);
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('theme=dark');
    expect(text).not.toContain('seen=1');
    expect(doc!.request.headers).toEqual([
      { name: 'Accept', value: 'text/html' },
      { name: 'Cookie', value: '', comment: 'value omitted (--no-values)' },
    ]);
    expect(doc!.response.headers.filter((h) => h.name.toLowerCase() === 'set-cookie')).toEqual([
      { name: 'Set-Cookie', value: '', comment: 'value omitted (--no-values)' },
      { name: 'set-cookie', value: '', comment: 'value omitted (--no-values)' },
    ]);
    expect(doc!.request.cookies).toEqual([]);
    expect(doc!.response.cookies).toEqual([]);
    expectValidEntry(doc!);
  });

  it('keeps every other header and says what it left out', () => {
    expect(doc!.response.headers[0]).toEqual({ name: 'Content-Type', value: 'text/html; charset=utf-8' });
    expect(har.log.comment).toBe(
      'Response bodies are not recorded. Cookie and Set-Cookie header values are omitted (--no-values). 3 later requests of the page are left out.',
    );
  });
});

describe('toHar with what a page controls', () => {
  it('keeps hostile URLs and header text as data, and an empty page as an empty log', () => {
    const hostile: RecordedExchange = {
      startedAt: T0,
      method: 'GET',
      url: 'https://x.test/"</script><img src=x>?a=%00&b',
      requestHeaders: [{ name: 'X-Evil', value: '"\n\u2028{}' }],
    };
    const har = toHar({ url: 'https://x.test/"<>', startedAt: Number.NaN }, [hostile], { creator: CREATOR, valuePreviews: true });
    expect(JSON.parse(JSON.stringify(har)).log.entries[0].request.headers[0].value).toBe('"\n\u2028{}');
    expect(har.log.pages[0]!.startedDateTime).toBe('1970-01-01T00:00:00.000Z');
    expect(har.log.pages[0]!.pageTimings).toEqual({ onContentLoad: -1, onLoad: -1 });
    expectValidEntry(har.log.entries[0]!);
    expect(toHar(PAGE, [], { creator: CREATOR, valuePreviews: true }).log.entries).toEqual([]);
  });
});
