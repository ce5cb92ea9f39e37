import { describe, expect, it } from 'vitest';
import { cookieWriteClaim, pageEventToObservation, validPageEvents, type FrameContext } from '../../lib/observe/page-events';

const ctx: FrameContext = {
  pageUrl: 'https://www.site.test/page',
  frameUrl: 'https://widget.other.test/frame.html',
  tabId: 4,
  time: 1000,
  keepValuePreviews: true,
};

describe('pageEventToObservation', () => {
  it('records a storage write inside a cross-site frame as third-party storage of that origin', () => {
    const o = pageEventToObservation({ type: 'storage', via: 'read', area: 'localStorage', key: 'uid', valueSize: 36, valuePreview: 'abc' }, ctx)!;
    expect(o).toMatchObject({
      kind: 'storage', host: 'widget.other.test', party: 'third', name: 'uid', source: 'browser-api', frameUrl: ctx.frameUrl,
      storage: { area: 'localStorage', origin: 'https://widget.other.test', key: 'uid', valueSize: 36, valuePreview: 'abc' },
    });
  });

  it('keeps no value preview when the user chose so', () => {
    const o = pageEventToObservation({ type: 'storage', via: 'hook', area: 'sessionStorage', key: 'k', valueSize: 1, valuePreview: 'secret' }, { ...ctx, keepValuePreviews: false })!;
    expect(o.storage).not.toHaveProperty('valuePreview');
    expect(o.source).toBe('page-hook');
  });

  it('keeps the full length of a key that arrived cut', () => {
    const key = 'k'.repeat(256);
    const o = pageEventToObservation({ type: 'storage', via: 'hook', area: 'localStorage', key, keyLength: 4_096, valueSize: 1 }, ctx)!;
    expect(o.storage).toMatchObject({ key, keyLength: 4_096 });
    expect(o.name).toBe(key);
  });

  it('gives the hook and the read of one key the same id, so they merge', () => {
    const hook = pageEventToObservation({ type: 'storage', via: 'hook', area: 'localStorage', key: 'k', valueSize: 1 }, ctx)!;
    const read = pageEventToObservation({ type: 'storage', via: 'read', area: 'localStorage', key: 'k', valueSize: 1 }, ctx)!;
    expect(hook.id).toBe(read.id);
  });

  it('parses a document.cookie write against the frame URL and never claims HttpOnly', () => {
    const o = pageEventToObservation({ type: 'cookie-write', cookie: 'id=1; Max-Age=60; HttpOnly', scriptUrl: 'https://widget.other.test/w.js' }, ctx)!;
    expect(o).toMatchObject({ kind: 'cookie', name: 'id', host: 'widget.other.test', party: 'third', via: ['js'], url: 'https://widget.other.test/w.js' });
    expect(o.cookie).toEqual({ domain: 'widget.other.test', path: '/', lifetimeSeconds: 60 });
  });

  it('records no claim of a cookie for a domain the frame may not set (the browser rejects it)', () => {
    const first = { ...ctx, frameUrl: 'https://www.site.test/page' };
    expect(pageEventToObservation({ type: 'cookie-write', cookie: 'forged_dc=1; domain=doubleclick.net; path=/' }, first)).toBeUndefined();
    expect(cookieWriteClaim({ type: 'cookie-write', cookie: 'forged_dc=1; domain=doubleclick.net; path=/' }, first)).toBeUndefined();
    expect(cookieWriteClaim({ type: 'cookie-write', cookie: 'ok=1; domain=site.test; path=/' }, first)?.cookie.details.domain).toBe('site.test');
  });

  it('keeps a writer named only by the page as a page claim, for cookies and storage', () => {
    const claim = cookieWriteClaim({ type: 'cookie-write', cookie: 'id=1', scriptUrl: 'https://www.googletagmanager.com/gtag/js', writerEvidence: 'page-claim' }, ctx)!;
    expect(claim).toMatchObject({ url: 'https://www.googletagmanager.com/gtag/js', writerEvidence: 'page-claim' });
    const stored = pageEventToObservation(
      { type: 'storage', via: 'hook', area: 'localStorage', key: 'k', valueSize: 1, scriptUrl: 'https://www.googletagmanager.com/gtag/js', writerEvidence: 'page-claim' },
      ctx,
    )!;
    expect(stored).toMatchObject({ url: 'https://www.googletagmanager.com/gtag/js', writerEvidence: 'page-claim', source: 'page-hook' });
    const trusted = pageEventToObservation({ type: 'cookie-write', cookie: 'id=1', scriptUrl: 'https://widget.other.test/w.js' }, ctx)!;
    expect(trusted).not.toHaveProperty('writerEvidence');
  });

  it('ignores a cookie deletion', () => {
    expect(pageEventToObservation({ type: 'cookie-write', cookie: 'id=; Max-Age=0' }, ctx)).toBeUndefined();
  });

  it('explains a Flash object', () => {
    const o = pageEventToObservation({ type: 'flash', url: 'https://www.site.test/a.swf', element: 'embed' }, ctx)!;
    expect(o).toMatchObject({ kind: 'flash', party: 'first', via: ['embed'], reason: expect.stringContaining('Local Shared Objects') });
  });
});

describe('validPageEvents', () => {
  it('keeps the valid events of a batch and counts forged or malformed ones', () => {
    const { valid, invalid } = validPageEvents([
      { type: 'storage', via: 'hook', area: 'localStorage', key: 'ok', valueSize: 1 },
      { type: 'storage', via: 'hook', area: 'localStorage', key: 'bad', valueSize: -1 },
      { type: 'flash', url: 'x', element: 'applet' },
      'not an object',
    ]);
    expect(valid.map((e) => (e as { key?: string }).key)).toEqual(['ok']);
    expect(invalid).toBe(3);
  });

  it('takes no key, name or URL longer than the page side sends', () => {
    const { valid, invalid } = validPageEvents([
      { type: 'storage', via: 'hook', area: 'localStorage', key: 'k'.repeat(257), valueSize: 1 },
      { type: 'database', via: 'hook', area: 'indexedDB', name: 'n'.repeat(257) },
      { type: 'cookie-store-write', name: 'c'.repeat(257) },
      { type: 'beacon', via: 'keepalive', url: `https://t.test/${'u'.repeat(2_048)}` },
      { type: 'beacon', via: 'keepalive', url: 'https://t.test/cut', urlLength: 9_000 },
    ]);
    expect(invalid).toBe(4);
    expect(valid).toEqual([{ type: 'beacon', via: 'keepalive', url: 'https://t.test/cut', urlLength: 9_000 }]);
  });

  it('takes a cookieStore.set report, with or without its name, as no observation of its own', () => {
    const { valid } = validPageEvents([{ type: 'cookie-store-write', name: 'cs' }, { type: 'cookie-store-write' }]);
    expect(valid).toEqual([{ type: 'cookie-store-write', name: 'cs' }, { type: 'cookie-store-write' }]);
    const ctx = { pageUrl: 'https://www.site.test/', frameUrl: 'https://www.site.test/', time: 1, keepValuePreviews: true };
    expect(valid.map((e) => pageEventToObservation(e, ctx))).toEqual([undefined, undefined]);
  });
});
