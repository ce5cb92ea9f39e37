import { describe, expect, it } from 'vitest';
import { toHtml } from '../../lib/export/html';
import { cookieLifetimesSection } from '../../lib/export/html-lifetimes';
import type { Report } from '../../lib/model/report';
import { observation, sampleReport } from './export-fixture';

const DAY = 86_400;
const HOSTILE_NAME = '_gid<img src=x onerror=alert(1)>';
const HOSTILE_DOMAIN = 'evil.test"><script>alert(1)</script>';

/** The sample report (IDE on doubleclick.net, 396 days) with a hostile cookie that outlives its declared day. */
function report(): Report {
  const r = sampleReport();
  r.observations.push(
    observation({ id: 'k1', kind: 'cookie', name: HOSTILE_NAME, host: HOSTILE_DOMAIN, url: undefined, cookie: { domain: `.${HOSTILE_DOMAIN}`, path: '/', lifetimeSeconds: 30 * DAY } }),
    observation({ id: 'k2', kind: 'cookie', name: 'sid', host: 'doubleclick.net', url: undefined, cookie: { domain: 'doubleclick.net', path: '/', lifetimeSeconds: null } }),
  );
  const google = r.findings.find((f) => f.id === 'f-tech')!;
  google.observationIds.push('k1', 'k2');
  google.cookieLifetimes = [{ name: HOSTILE_NAME, observedSeconds: 30 * DAY, declaredSeconds: DAY, declaredText: '24 hours', clauseId: 'c1' }];
  return r;
}

describe('cookie lifetimes chart in report.html', () => {
  it('is left out when no cookie was seen', () => {
    const r = sampleReport();
    r.findings = r.findings.filter((f) => f.id !== 'f-tech');
    expect(cookieLifetimesSection(r)).toBe('');
    expect(toHtml(r)).not.toContain('id="lifetimes-heading"');
  });

  const section = String(cookieLifetimesSection(report()));

  it('is an inline SVG with every lifetime written out, the outlived cookie first', () => {
    expect(section).toContain('<svg class="lifetimes" viewBox="0 0 860 ');
    expect(section).toContain('role="img" aria-labelledby="chart-lifetimes-caption chart-lifetimes-desc"');
    const desc = section.slice(section.indexOf('<desc'), section.indexOf('</desc>'));
    expect(desc).toBe(
      '<desc id="chart-lifetimes-desc">' +
        '_gid&lt;img src=x onerror=alert(1)&gt; on evil.test&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; (Google, Technology not disclosed): 30 d, the policy says 24 hours (c1); ' +
        'IDE on doubleclick.net (Google, Technology not disclosed): 1 y 31 d; ' +
        'sid on doubleclick.net (Google, Technology not disclosed): session',
    );
    expect(section).toContain('<strong>1 cookie outlives the lifetime the policy declares</strong>');
  });

  it('marks the declared lifetime of the cookie that outlives it, in text as well', () => {
    const outlived = section.slice(section.indexOf('<g class="outlived">'), section.indexOf('</g>'));
    expect(outlived).toContain('<path class="declared"');
    expect(outlived).toContain('<path class="declared-mark"');
    expect(outlived).toContain('>⚠ 30 d</text>');
    expect(outlived).toContain('>policy says 24 hours (c1)</text>');
    expect(section.match(/class="declared"/g)).toHaveLength(1);
    expect(section).toContain('<rect class="session"');
  });

  it('ends its log scale at 5 years for a cookie past a year, with the ticks written out', () => {
    const ticks = [...section.matchAll(/<text class="sub" x="[\d.]+" y="16" text-anchor="middle">([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['1 min', '1 h', '1 d', '1 wk', '30 d', '1 y', '5 y']);
  });

  it('escapes the page-chosen cookie name and domain everywhere', () => {
    const doc = toHtml(report());
    expect(section).not.toMatch(/<img|<script/);
    expect(doc).not.toMatch(/<img|<script/i);
    expect(section).toContain('<text x="220" y="39" text-anchor="end">_gid&lt;img src=x onerror=alert(…</text>');
    expect(section).toContain('text-anchor="end">evil.test&quot;&gt;&lt;script&gt;alert(1)&lt;/…</text>');
  });

  it('caps long lists and says how many more', () => {
    const r = report();
    for (let i = 0; i < 45; i++) {
      r.observations.push(observation({ id: `m${i}`, kind: 'cookie', name: `c${i}`, host: 'doubleclick.net', cookie: { domain: 'doubleclick.net', path: '/', lifetimeSeconds: 60 + i } }));
      r.findings.find((f) => f.id === 'f-tech')!.observationIds.push(`m${i}`);
    }
    const capped = String(cookieLifetimesSection(r));
    expect(capped.match(/<g[ >]/g)).toHaveLength(40);
    expect(capped).toContain('And 8 more cookies, shorter-lived');
  });
});
