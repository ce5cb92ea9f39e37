import { describe, expect, it } from 'vitest';
import { parseAuditArgs } from '../../lib/headless/args';
import { findChromium } from '../../lib/headless/chromium';
import { runAudit } from '../../lib/headless/cli';

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
    });
  });

  it.each([
    [['ftp://a.test/'], /only http and https pages can be audited, not ftp:/],
    [['example.com'], /not a URL: "example.com"/],
    [[], /no URL given/],
    [['https://a.test/', '--wait-ms', 'soon'], /--wait-ms takes a whole number of milliseconds, not "soon"/],
    [['https://a.test/', '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('rejects %j with a message a person can act on', (argv, message) => {
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });
});

describe('findChromium', () => {
  it('tells how to install Chromium when none is found', () => {
    expect(() => findChromium(undefined, { CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      'Chromium not found at /nonexistent/chromium',
    );
  });
});

describe('runAudit', () => {
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
});
