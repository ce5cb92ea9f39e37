import { describe, expect, it } from 'vitest';
import { attr, text, toJunitXml } from '../../lib/headless/junit';
import { sampleReport, observation } from './export-fixture';

/**
 * Well-formedness for the subset of XML the writer produces: tags balance, attributes are quoted,
 * and no raw `<`, `>`, stray `&` or character XML 1.0 forbids appears in text or attribute values.
 * (End-to-end tests also parse the file with a real XML parser.)
 */
function checkWellFormed(xml: string): { name: string; attrs: Record<string, string> }[] {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('\n') + 1);
  expect(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(body)).toBe(false);
  const elements: { name: string; attrs: Record<string, string> }[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*(\/?)>/gy;
  let position = 0;
  while (position < body.length) {
    const next = body.indexOf('<', position);
    const between = body.slice(position, next === -1 ? body.length : next);
    expect(between).not.toMatch(/>|&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(body);
    expect(match, `bad tag at ${body.slice(next, next + 60)}`).not.toBeNull();
    const [whole, closing, name, attrText, selfClosing] = match!;
    for (const value of attrText!.matchAll(/="([^"]*)"/g)) expect(value[1]).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    if (closing) expect(stack.pop()).toBe(name);
    else {
      elements.push({ name: name!, attrs: Object.fromEntries([...attrText!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])) });
      if (!selfClosing) stack.push(name!);
    }
    position = next + whole.length;
  }
  expect(stack).toEqual([]);
  return elements;
}

describe('toJunitXml', () => {
  it('has one test case per finding and per page, failing at and above the --fail-on level', () => {
    const elements = checkWellFormed(toJunitXml(sampleReport(), 'undisclosed'));
    const root = elements[0]!;
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '7', failures: '2', errors: '1', skipped: '0', time: '90.000' });
    const cases = elements.filter((e) => e.name === 'testcase');
    expect(cases.map((c) => c.attrs.classname)).toEqual([
      'policy-audit.disclosed',
      'policy-audit.undisclosed',
      'policy-audit.technology-not-disclosed',
      'policy-audit.disclosed-by-category',
      'policy-audit.first-party',
      'policy-audit.pages',
      'policy-audit.pages',
    ]);
    expect(cases[1]!.attrs.name).toBe('ads.test (ads.test): beacon');
    const failures = elements.filter((e) => e.name === 'failure');
    expect(failures.map((f) => f.attrs.type)).toEqual(['undisclosed', 'technology-not-disclosed']);
    expect(elements.filter((e) => e.name === 'error').map((e) => e.attrs.message)).toEqual(['net::ERR_TIMED_OUT']);
    const suites = elements.filter((e) => e.name === 'testsuite');
    expect(suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures])).toEqual([
      ['Third parties vs. Shop privacy policy (2025)', '5', '2'],
      ['Pages', '2', '0'],
    ]);
    expect(suites[0]!.attrs.timestamp).toBe('2026-01-01T12:00:00');
  });

  it.each([
    ['by-category', 3],
    ['undisclosed', 2],
    // The exit code follows --fail-on; the test view shows what the visitor was not told about regardless.
    ['none', 2],
  ] as const)('with --fail-on %s fails %i findings', (failOn, failures) => {
    const root = checkWellFormed(toJunitXml(sampleReport(), failOn))[0]!;
    expect(root.attrs.failures).toBe(String(failures));
  });

  it('names the technologies the policy does not cover in the failure message', () => {
    const report = sampleReport();
    report.findings[2]!.technologies = ['cookie', 'script'];
    report.findings[2]!.coverage = [
      { technology: 'cookie', status: 'technology-not-disclosed', clauseIds: [] },
      { technology: 'script', status: 'disclosed', clauseIds: ['c1'] },
    ];
    report.findings[3]!.coverage = [{ technology: 'local-storage', status: 'disclosed-by-category', clauseIds: ['c2'] }];
    const messages = (failOn: 'none' | 'by-category') =>
      checkWellFormed(toJunitXml(report, failOn)).filter((e) => e.name === 'failure').map((e) => e.attrs.message);
    expect(messages('none')).toEqual(['ads.test: undisclosed, not covered: beacon', 'Google: technology not disclosed, not covered: cookie']);
    expect(messages('by-category')).toContain('Hotjar: disclosed by category, by category only: local-storage');
    expect(toJunitXml(report, 'none')).toContain('Coverage: cookie: technology not disclosed (no clause); script: disclosed (c1)');
  });

  it('quotes the clause, the proposed declaration and the evidence', () => {
    const report = sampleReport();
    report.findings[1]!.proposedDeclaration = { parties: [{ name: 'ads.test', domains: ['ads.test'] }], technologies: ['beacon'] };
    const xml = toJunitXml(report, 'undisclosed');
    expect(xml).toContain('Proposed declaration: {"parties":[{"name":"ads.test","domains":["ads.test"]}],"technologies":["beacon"]}');
    expect(xml).toContain('  beacon https://px.ads.test/collect?e=view on https://www.shop.test/cart');
    expect(xml).toContain('Clauses: c1: "We use Google Analytics to understand how visitors use the shop."');
  });

  it('marks findings of a run without a policy skipped', () => {
    const report = sampleReport();
    delete report.policy;
    report.findings = report.findings.map((f) => ({ ...f, status: 'unreviewed' as const }));
    const elements = checkWellFormed(toJunitXml(report, 'none'));
    expect(elements[0]!.attrs.skipped).toBe('5');
    expect(elements.find((e) => e.name === 'testsuite')!.attrs.name).toBe('Third parties vs. no policy');
  });

  it('escapes hostile page data and drops characters XML cannot hold', () => {
    const report = sampleReport();
    report.findings[1]!.subject = 'Evil <script>alert("x")</script> & \'co\'\u0000\u001b[31m\uD800';
    report.observations.push(observation({ id: 'o9', url: 'https://x.test/?a=]]><b>&c=\u0007' }));
    report.findings[1]!.observationIds.push('o9');
    report.pages[1]!.error = 'line one\nline "two" <x>';
    const xml = toJunitXml(report, 'undisclosed');
    checkWellFormed(xml);
    expect(xml).toContain('name="Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;\uFFFD\uFFFD[31m\uFFFD (ads.test): beacon"');
    expect(xml).toContain('https://x.test/?a=]]&gt;&lt;b&gt;&amp;c=\uFFFD');
    expect(xml).toContain('message="line one&#10;line &quot;two&quot; &lt;x&gt;"');
  });

  it('escapes text and attributes', () => {
    expect(text('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(attr('"quoted"\t\'single\'\r\n')).toBe('&quot;quoted&quot;&#9;&apos;single&apos;&#13;&#10;');
  });
});
