import { describe, expect, it } from 'vitest';
import { boundReport, COOKIE_LIMIT, KEY_LIMIT, ReportLimiter, reportSize, URL_LIMIT } from '../../lib/observe/page/report-limits';

const limits = { reports: 1_000, chars: 1_000_000, burst: 10, perSecond: 5 };

describe('ReportLimiter', () => {
  it('lets a burst through, then the rate, and counts the rest', () => {
    let now = 0;
    const limiter = new ReportLimiter(limits, () => now);
    const admitted = Array.from({ length: 100 }, () => limiter.admit(10)).filter(Boolean).length;
    expect(admitted).toBe(10);
    expect(limiter.takeLeftOut()).toBe(90);
    expect(limiter.takeLeftOut()).toBe(0);
    now = 1_000; // a second later: five more
    expect(Array.from({ length: 20 }, () => limiter.admit(10)).filter(Boolean).length).toBe(5);
    expect(limiter.pendingLeftOut).toBe(15);
  });

  it('never refills past the burst, however long the page was quiet', () => {
    let now = 0;
    const limiter = new ReportLimiter(limits, () => now);
    now = 3_600_000;
    expect(Array.from({ length: 50 }, () => limiter.admit(1)).filter(Boolean).length).toBe(10);
  });

  it('stops for good at the frame’s count and size limits', () => {
    let now = 0;
    const counted = new ReportLimiter({ ...limits, reports: 3, burst: 100 }, () => now);
    expect([1, 2, 3, 4].map(() => counted.admit(1))).toEqual([true, true, true, false]);
    now = 60_000;
    expect(counted.admit(1)).toBe(false);
    const sized = new ReportLimiter({ ...limits, chars: 100 }, () => now);
    expect([sized.admit(60), sized.admit(60), sized.admit(40)]).toEqual([true, false, true]);
    expect(sized.takeLeftOut()).toBe(1);
  });

  it('adds counts from elsewhere, ignoring anything but a positive integer', () => {
    const limiter = new ReportLimiter(limits, () => 0);
    limiter.countLeftOut(7);
    limiter.countLeftOut(-3);
    limiter.countLeftOut(Number.NaN);
    limiter.countLeftOut(1.5);
    expect(limiter.takeLeftOut()).toBe(7);
  });
});

describe('boundReport', () => {
  it('cuts a long storage key, keeping its length; a short one is left alone', () => {
    const key = 'k'.repeat(4_096);
    expect(boundReport({ type: 'storage', key, valueSize: 1 })).toEqual({ type: 'storage', key: 'k'.repeat(KEY_LIMIT), keyLength: 4_096, valueSize: 1 });
    expect(boundReport({ type: 'storage', key: 'short', valueSize: 1 })).toEqual({ type: 'storage', key: 'short', valueSize: 1 });
  });

  it('keeps the length the hooks give for a key they cut, but not a length shorter than the key', () => {
    expect(boundReport({ type: 'storage', key: 'k'.repeat(KEY_LIMIT), keyLength: 5_000 })).toMatchObject({ keyLength: 5_000 });
    expect(boundReport({ type: 'storage', key: 'k'.repeat(300), keyLength: 3 })).toMatchObject({ key: 'k'.repeat(KEY_LIMIT), keyLength: 300 });
    expect(boundReport({ type: 'storage', key: 'abc', keyLength: 2 })).toEqual({ type: 'storage', key: 'abc' });
  });

  it('cuts database names, keepalive URLs and the writing script’s URL', () => {
    const url = `https://t.test/?${'q'.repeat(10_000)}`;
    expect(boundReport({ type: 'database', name: 'n'.repeat(1_000), url })).toEqual({ type: 'database', name: 'n'.repeat(KEY_LIMIT), keyLength: 1_000, url: url.slice(0, URL_LIMIT) });
    expect(boundReport({ type: 'beacon', via: 'keepalive', url, scriptUrl: url })).toEqual({
      type: 'beacon',
      via: 'keepalive',
      url: url.slice(0, URL_LIMIT),
      urlLength: url.length,
      scriptUrl: url.slice(0, URL_LIMIT),
    });
  });

  it('leaves out a cookie line it cannot cut without changing it', () => {
    expect(boundReport({ type: 'cookie-write', cookie: `a=${'v'.repeat(COOKIE_LIMIT)}` })).toBeUndefined();
    expect(boundReport({ type: 'cookie-write', cookie: 'a=1; Path=/' })).toEqual({ type: 'cookie-write', cookie: 'a=1; Path=/' });
  });

  it('does not change the report it was given', () => {
    const raw = { type: 'storage', key: 'k'.repeat(1_000) };
    boundReport(raw);
    expect(raw.key).toHaveLength(1_000);
  });
});

describe('reportSize', () => {
  it('grows with the text a report carries', () => {
    expect(reportSize({ type: 'storage', key: 'k'.repeat(1_000) })).toBeGreaterThan(1_000);
    expect(reportSize({ type: 'storage', key: 'k' })).toBeLessThan(100);
  });
});
