import { describe, expect, it } from 'vitest';
import { normalizeRequest, type RawRequest } from '../../lib/observe/requests';

const page = 'https://www.inbenta.com/';
const raw = (over: Partial<RawRequest>): RawRequest => ({
  requestId: '7',
  url: 'https://www.google-analytics.com/analytics.js',
  type: 'script',
  tabId: 3,
  timeStamp: 1000.4,
  ...over,
});

describe('normalizeRequest', () => {
  it('records a third-party script with its page, initiator and status', () => {
    const o = normalizeRequest(raw({ initiator: 'https://www.inbenta.com', statusCode: 200, method: 'GET' }), { pageUrl: page });
    expect(o).toMatchObject({
      kind: 'request', host: 'www.google-analytics.com', resourceType: 'script', party: 'third', time: 1000,
      initiator: 'https://www.inbenta.com', statusCode: 200, method: 'GET', tabId: 3, sessionId: 'inbenta.com', source: 'network',
    });
  });

  it('gives each hop of a redirect its own id and links it to the previous one', () => {
    const first = normalizeRequest(raw({ url: 'https://ad.doubleclick.net/sync' }), { pageUrl: page });
    const second = normalizeRequest(raw({ url: 'https://px.ads.linkedin.com/collect' }), { pageUrl: page, redirectedFrom: first.id });
    expect(second.id).not.toBe(first.id);
    expect(second.redirectedFrom).toBe(first.id);
  });

  it.each([
    ['ping without Ping-To', raw({ type: 'ping', url: 'https://t.test/b' }), {}, { kind: 'beacon', via: ['send-beacon'] }],
    ['<a ping>', raw({ type: 'ping', url: 'https://t.test/b' }), { pingVia: 'a-ping' as const }, { kind: 'beacon', via: ['a-ping'] }],
    [
      'a 42-byte third-party image',
      raw({ type: 'image', url: 'https://px.test/p.gif', responseHeaders: [{ name: 'Content-Length', value: '42' }] }),
      {},
      { kind: 'beacon', via: ['pixel'], responseBytes: 42 },
    ],
    [
      'a large third-party image',
      raw({ type: 'image', url: 'https://cdn.test/logo.png', responseHeaders: [{ name: 'content-length', value: '5000' }] }),
      {},
      { kind: 'request' },
    ],
    [
      'a tiny first-party image',
      raw({ type: 'image', url: 'https://www.inbenta.com/dot.gif', responseHeaders: [{ name: 'content-length', value: '42' }] }),
      {},
      { kind: 'request' },
    ],
    ['an SWF object', raw({ type: 'object', url: 'https://www.inbenta.com/media/intro.swf?v=2' }), {}, { kind: 'flash' }],
  ])('classifies %s', (_name, request, context, expected) => {
    expect(normalizeRequest(request, { pageUrl: page, ...context })).toMatchObject(expected);
  });

  it('keeps a failed request: it left the browser', () => {
    expect(normalizeRequest(raw({ error: 'net::ERR_BLOCKED_BY_ORB' }), { pageUrl: page }).error).toBe('net::ERR_BLOCKED_BY_ORB');
  });
});
