import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConcurrency, parseAuditArgs, parseShard } from '../../lib/headless/args';
import { findChromium } from '../../lib/headless/chromium';
import { runAudit } from '../../lib/headless/cli';
import { parseUrlList, shardOf, startUrls } from '../../lib/headless/url-list';

describe('parseAuditArgs', () => {
  it('reads URLs and options with defaults', () => {
    const options = parseAuditArgs(['https://a.test/', '--out', 'x', '--chromium-arg=--foo', '--chromium-arg=--bar']);
    expect(options).toMatchObject({
      urls: ['https://a.test/'],
      outDir: 'x',
      chromiumArgs: ['--foo', '--bar'],
      insecure: false,
      blockThirdPartyCookies: false,
      waitMs: 5000,
      build: true,
      maxPages: undefined,
      scroll: false,
      consent: ['none'],
      gpc: false,
      formats: ['json', 'csv', 'html'],
      failOn: 'none',
      shard: undefined,
      trackerDb: true,
      policiesDirs: [],
      concurrency: defaultConcurrency(),
    });
  });

  it('audits one page per core at once unless told, at most four', () => {
    expect([1, 2, 3, 8, 64].map((cores) => defaultConcurrency(cores))).toEqual([1, 2, 3, 4, 4]);
    expect(parseAuditArgs(['https://a.test/', '--concurrency', '1'])).toMatchObject({ concurrency: 1 });
  });

  it('takes --policies-dir more than once, in order', () => {
    expect(parseAuditArgs(['https://a.test/', '--policies-dir', 'ci/policies', '--policies-dir', 'more'])).toMatchObject({
      policiesDirs: ['ci/policies', 'more'],
    });
  });

  it('reads the crawl, consent, output and gating options', () => {
    const options = parseAuditArgs([
      'https://a.test/',
      '--max-pages', '20',
      '--scroll',
      '--consent', 'none, accept,reject,accept',
      '--gpc',
      '--format', 'junit,json',
      '--fail-on', 'by-category',
      '--shard', '2/3',
      '--no-trackerdb',
      '--urls-file', 'more.txt',
    ]);
    expect(options).toMatchObject({
      maxPages: 20,
      scroll: true,
      consent: ['none', 'accept', 'reject'],
      gpc: true,
      formats: ['junit', 'json'],
      failOn: 'by-category',
      shard: { index: 2, count: 3 },
      trackerDb: false,
      urlsFile: 'more.txt',
    });
  });

  it('takes --urls-file alone', () => {
    expect(parseAuditArgs(['--urls-file', 'list.txt'])).toMatchObject({ urls: [], urlsFile: 'list.txt' });
  });

  it.each([
    [['ftp://a.test/'], /only http and https pages can be audited, not ftp:/],
    [['example.com'], /not a URL: "example.com"/],
    [[], /no URL given \(pass URLs or --urls-file <file>\)/],
    [['https://a.test/', '--wait-ms', 'soon'], /--wait-ms takes a whole number of milliseconds, not "soon"/],
    [['https://a.test/', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['https://a.test/', '--max-pages', '0'], /--max-pages takes a whole number of pages, at least 1, not "0"/],
    [['https://a.test/', '--consent', 'maybe'], /--consent: "maybe" is not one of none, accept, reject/],
    [['https://a.test/', '--consent', 'accept,'], /--consent takes a comma-separated list of none, accept, reject/],
    [['https://a.test/', '--format', 'json,pdf'], /--format: "pdf" is not one of json, csv, html, junit, markdown/],
    [['https://a.test/', '--fail-on', 'always'], /--fail-on: "always" is not one of undisclosed, by-category, none/],
    [['https://a.test/', '--shard', '3/2'], /--shard takes i\/n with 1 ≤ i ≤ n, e.g. --shard 2\/4, not "3\/2"/],
  ])('rejects %j with a message a person can act on', (argv, message) => {
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });

  it.each([
    ['1/1', { index: 1, count: 1 }],
    [' 4/4 ', { index: 4, count: 4 }],
  ])('reads --shard %j', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });

  it.each(['0/2', '1/0', '1', 'a/b', '1/2/3'])('rejects --shard %j', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard takes i\/n/);
  });
});

describe('URL lists and shards', () => {
  it('reads one URL per line, skipping blanks and comments, naming a bad line', () => {
    const text = '# start pages\nhttps://a.test/\n\n  https://a.test/b  # the blog\r\nhttps://a.test/c\n';
    expect(parseUrlList(text, 'urls.txt')).toEqual(['https://a.test/', 'https://a.test/b', 'https://a.test/c']);
    expect(() => parseUrlList('https://a.test/\nwww.a.test/x\n', 'urls.txt')).toThrow(
      'urls.txt:2: not a URL: "www.a.test/x" (give a full http:// or https:// address)',
    );
  });

  it('gives shard i of n every n-th item starting at the i-th; the shards interleave back into the list', () => {
    const list = ['u1', 'u2', 'u3', 'u4', 'u5'];
    expect(shardOf(list, { index: 1, count: 2 })).toEqual(['u1', 'u3', 'u5']);
    expect(shardOf(list, { index: 2, count: 2 })).toEqual(['u2', 'u4']);
    expect(shardOf(list, { index: 3, count: 3 })).toEqual(['u3']);
    const shards = [1, 2, 3].map((index) => shardOf(list, { index, count: 3 }));
    expect(shards.flat().sort()).toEqual(list);
  });

  it('joins argument URLs and the file, drops repeats, then takes the shard', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-urls-'));
    const file = join(dir, 'urls.txt');
    await writeFile(file, 'https://a.test/2\nhttps://a.test/1\nhttps://a.test/3\n');
    expect(await startUrls(['https://a.test/1'], file)).toEqual(['https://a.test/1', 'https://a.test/2', 'https://a.test/3']);
    expect(await startUrls(['https://a.test/1'], file, { index: 2, count: 2 })).toEqual(['https://a.test/2']);
    await expect(startUrls([], file, { index: 4, count: 4 })).rejects.toThrow('shard 4/4 is empty: the list has only 3 URLs');
    await expect(startUrls([], join(dir, 'missing.txt'))).rejects.toThrow(/missing\.txt: cannot read the URL list \(ENOENT\)/);
  });
});

describe('findChromium', () => {
  it('tells how to install Chromium when none is found', () => {
    expect(() => findChromium(undefined, { CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      'Chromium not found at /nonexistent/chromium',
    );
  });
});

describe('runAudit before any browsing', () => {
  it('ends bad input with one line and exit code 2, never a stack trace', async () => {
    const lines: string[] = [];
    const code = await runAudit(['javascript:alert(1)'], (line) => lines.push(line));
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('error: only http and https pages can be audited, not javascript: (javascript:alert(1))');
  });

  it('says which Chromium is missing before doing any work', async () => {
    const lines: string[] = [];
    const code = await runAudit(['https://a.test/', '--chromium', '/nowhere/chromium', '--out', '/tmp/never-written'], (l) => lines.push(l));
    expect(code).toBe(2);
    expect(lines).toEqual(['error: Chromium not found at /nowhere/chromium']);
  });

  it('ends a bad policy file with its one-line error: file, field, problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-policy-'));
    const file = join(dir, 'acme.policy.json');
    const policy = {
      id: 'acme',
      site: { name: 'Acme', firstPartyDomains: ['acme.test'] },
      source: { title: 'Acme privacy policy', url: 'https://acme.test/privacy' },
      declarations: [
        { id: 'c1', clause: { section: 'Cookies', quote: 'We use cookies.' }, categories: ['analytics-providers'], technologies: ['cookie-ish'] },
      ],
    };
    await writeFile(file, JSON.stringify(policy));
    const lines: string[] = [];
    const code = await runAudit(['https://acme.test/', '--policy', file, '--chromium', process.execPath, '--no-build'], (l) => lines.push(l));
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^error: ${file.replace(/[.]/g, '\\.')}: declarations\\[0\\]\\.technologies\\[0\\]: "cookie-ish" is not one of cookie, beacon, `),
    );
  });

  it.each([
    [['https://a.test/', '--policy-url', 'privacy.html'], 'error: --policy-url: not a URL: "privacy.html" (give a full http:// or https:// address)'],
    [['https://a.test/', '--policy', 'discover', '--no-policy-discovery'], 'error: --no-policy-discovery contradicts --policy discover and --policy-url'],
  ])('checks the policy options before browsing: %j', async (argv, message) => {
    const lines: string[] = [];
    expect(await runAudit(argv, (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toBe(message);
  });

  it('prints the usage for --help and exits 0', async () => {
    const lines: string[] = [];
    expect(await runAudit(['--help'], (l) => lines.push(l), {})).toBe(0);
    expect(lines[0]).toMatch(/^Usage: npm run audit -- <url\.\.\.> \[options\]/);
    expect(lines.join('\n')).toContain('--fail-on <level>');
    expect(lines.join('\n')).toContain('--policies-dir <dir>');
  });

  it('names the command as it was started: the bin sets POLICY_AUDIT_COMMAND', async () => {
    const lines: string[] = [];
    expect(await runAudit(['-h'], (l) => lines.push(l), { POLICY_AUDIT_COMMAND: 'policy-audit' })).toBe(0);
    expect(lines.slice(0, 2)).toEqual([
      'Usage: policy-audit <url...> [options]',
      '       policy-audit merge <report.json...> --out <dir> [options]   (see policy-audit merge --help)',
    ]);
  });

  it.each([
    [['https://a.test/', '--frobnicate'], "error: Unknown option '--frobnicate'"],
    [['https://a.test/', '--out'], "error: Option '--out <value>' argument missing"],
    [[], 'error: no URL given (pass URLs or --urls-file <file>)'],
  ])('answers the command-line mistake %j with the error and one hint, not the whole usage', async (argv, message) => {
    const lines: string[] = [];
    expect(await runAudit(argv, (l) => lines.push(l))).toBe(2);
    expect(lines).toEqual([message, 'run with --help for the options']);
  });

  it('prints its name and version for --version', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { name: string; version: string };
    const lines: string[] = [];
    expect(await runAudit(['--version'], (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([`${pkg.name} ${pkg.version}`]);
  });
});
