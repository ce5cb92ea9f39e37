import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditBrowser } from '../../lib/headless/audit-browser';
import { readPolicyPage } from '../../lib/headless/policy-reader';
import type { PolicyLink } from '../../lib/policy/discover-links';
import { parsePolicy } from '../../lib/policy/parse';
import { auditFixture, launchAuditBrowser, startFixtureServer, type AuditRun } from './helpers';
import type { FixtureServer } from '../fixtures/server';

const PRIVACY = 'https://www.inbenta.com/en/legal/privacy-policy/';
const COOKIES = 'https://www.inbenta.com/en/legal/cookie-policy/';
const TROUBLE = 'https://www.policy-trouble.test';

let server: FixtureServer;
let demo: AuditRun;

beforeAll(async () => {
  server = await startFixtureServer();
  demo = await auditFixture(server, ['https://www.inbenta.com/'], ['--policy', 'discover', '--wait-ms', '1500']);
});

afterAll(async () => {
  await server?.close();
});

describe('audit of the demo site against the policy it publishes (found in its footer)', () => {
  it('reads the privacy and the cookie policy and judges against one draft, saying it is a draft', () => {
    expect(demo.code, demo.log.join('\n')).toBe(0);
    const policy = demo.report!.policy!;
    expect(policy.discovered?.urls).toEqual([PRIVACY, COOKIES]);
    expect(policy.discovered?.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(demo.report!.policyDiscovery?.attempts.map((a) => [a.url, a.kind, a.found, a.outcome])).toEqual([
      [PRIVACY, 'privacy', 'link', 'read'],
      [COOKIES, 'cookie', 'link', 'read'],
    ]);
    expect(demo.log).toContain(`Policy: a draft read from ${PRIVACY} and ${COOKIES} (${demo.report!.declarations!.length} declarations; not reviewed)`);
    expect(demo.log.join('\n')).toContain(`Judged against a draft read from ${PRIVACY} and ${COOKIES}, not reviewed`);
  });

  it('finds the named partners disclosed by the clauses read from the page, and the unnamed ones not', () => {
    const findings = demo.report!.findings;
    const statusOf = (subject: string) => findings.filter((f) => f.subject.startsWith(subject)).map((f) => f.status);
    expect(statusOf('Google')).toContain('disclosed');
    expect(statusOf('Act-On')).toContain('disclosed');
    expect(statusOf('Hotjar')).toEqual(['undisclosed']);
    // Described ("a third party" that displays advertising), never named.
    expect(statusOf('TikTok')).toEqual(['disclosed-by-category']);
    const quotes = demo.report!.declarations!.map((d) => d.clause?.quote).join('\n');
    expect(quotes).toContain('Technologies such as: cookies, beacons, tags and scripts are used by Inbenta Technologies Inc. and our partners such as Act-On, Google');
    // Navigation and footers are not policy text.
    expect(quotes).not.toMatch(/Home · Products|Cookie Policy$/m);
  });

  it('writes the draft beside the report, valid against the policy schema', async () => {
    const draft = JSON.parse(await readFile(join(demo.outDir, 'policy.draft.json'), 'utf8'));
    expect(parsePolicy(draft, 'policy.draft.json').declarations.length).toBe(demo.report!.declarations!.length);
  });

  it('keeps the policy pages out of the audit: the browser read them after the observations were taken', () => {
    const pages = new Set(demo.report!.observations.map((o) => o.pageUrl));
    expect(pages.has(PRIVACY) || pages.has(COOKIES)).toBe(false);
    expect(demo.report!.pages.map((p) => p.url)).toEqual(['https://www.inbenta.com/']);
  });
});

describe('policy pages that cannot be read', () => {
  let browser: AuditBrowser;

  beforeAll(async () => {
    browser = await launchAuditBrowser(server.hostRules);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const read = (url: string) => {
    const link: PolicyLink = { url, kind: 'privacy', found: 'link' };
    return browser.inTab((page) => readPolicyPage(page, link, 15_000));
  };

  it.each([
    [`${TROUBLE}/privacy-policy-gone`, 'not-found', 'HTTP 404'],
    [`${TROUBLE}/cookie-policy.pdf`, 'not-html', 'application/pdf'],
    [`${TROUBLE}/login/`, 'login-wall', 'a sign-in form and little text'],
    [`${TROUBLE}/privacy-de/`, 'language', 'the page is in "de"; drafts are read from English text'],
    [`${TROUBLE}/huge-policy`, 'too-large', undefined],
  ])('%s → %s', async (url, outcome, detail) => {
    const result = await read(url);
    expect(result.attempt).toMatchObject({ url, outcome });
    if (detail) expect(result.attempt.detail).toBe(detail);
    expect(result.text).toBeUndefined();
  });

  it('reads a real policy page as markdown: headings, paragraphs, table rows; no navigation', async () => {
    const privacy = await read(PRIVACY);
    expect(privacy.attempt.outcome).toBe('read');
    expect(privacy.text?.markdown).toContain('## Cookies and other Tracking Technologies');
    expect(privacy.text?.markdown).not.toContain('Home');
    const cookies = await browser.inTab((page) => readPolicyPage(page, { url: COOKIES, kind: 'cookie', found: 'link' }, 15_000));
    expect(cookies.text?.markdown).toContain('_ga | Google Analytics | Distinguishes visitors for statistics | 2 years');
  });
});

describe('the CI gate without a readable policy', () => {
  it('exits 2 with one line naming what was tried when third parties were seen', async () => {
    const run = await auditFixture(server, [`${TROUBLE}/`], ['--fail-on', 'undisclosed', '--wait-ms', '1000']);
    expect(run.code, run.log.join('\n')).toBe(2);
    const error = run.log.filter((l) => l.startsWith('error: '));
    expect(error).toHaveLength(1);
    expect(error[0]).toMatch(/^error: --fail-on undisclosed: 1 third party and no policy to judge it against \(none could be read; tried /);
    expect(error[0]).toContain(`${TROUBLE}/privacy-de/: language (the page is in "de"`);
    expect(error[0]).toContain(`${TROUBLE}/cookie-policy.pdf: not html (application/pdf)`);
    expect(run.report?.policy).toBeUndefined();
    expect(run.report?.findings.some((f) => f.status === 'unreviewed')).toBe(true);
  });

  it('exits 0 on a page with no third party: nothing can be undisclosed, policy or not', async () => {
    const run = await auditFixture(server, [`${TROUBLE}/quiet/`], ['--fail-on', 'undisclosed', '--wait-ms', '1000']);
    expect(run.code, run.log.join('\n')).toBe(0);
    expect(run.report?.policyDiscovery?.attempts[0]).toMatchObject({ url: `${TROUBLE}/privacy-policy-gone`, outcome: 'not-found' });
  });
});
