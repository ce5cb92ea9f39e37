import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { runAudit } from '../../lib/headless/cli';
import { findChromium } from '../../lib/headless/chromium';
import { AuditBrowser, type LaunchOptions } from '../../lib/headless/audit-browser';
import { buildExtension, buildIsStale, extensionDir } from '../../lib/headless/build';
import { PROJECT_ROOT } from '../../lib/headless/project';
import { parseReport, type Report } from '../../lib/model/report';

export interface AuditRun {
  code: number;
  report?: Report;
  /** Every line the CLI printed, the summary included. */
  log: string[];
  outDir: string;
}

/**
 * Runs the real CLI (building the extension if needed) against the fixture web. One tab unless
 * `extra` says otherwise: the tests compare storage evidence page by page, which is exact only
 * while one page of the site is open at a time (see the README's --concurrency).
 */
export async function auditFixture(server: FixtureServer, urls: string[], extra: string[] = []): Promise<AuditRun> {
  const outDir = await mkdtemp(join(tmpdir(), 'auditor-e2e-'));
  const tabs = extra.includes('--concurrency') ? [] : ['--concurrency', '1'];
  return runCli([...urls, '--host-rules', server.hostRules, '--insecure', '--out', outDir, '--wait-ms', '4000', ...tabs, ...extra], outDir);
}

/** Runs the CLI with exactly these arguments; reads outDir/report.json if it was written. */
export async function runCli(argv: string[], outDir: string): Promise<AuditRun> {
  const log: string[] = [];
  const code = await runAudit(argv, (line) => log.push(line));
  return { code, report: await readReport(join(outDir, 'report.json')), log, outDir };
}

export async function readReport(file: string): Promise<Report | undefined> {
  try {
    return parseReport(JSON.parse(await readFile(file, 'utf8')), file);
  } catch {
    return undefined;
  }
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/**
 * Parses XML with a real XML parser (Chromium's DOMParser, which is libxml2-strict): a report
 * CI servers cannot read must fail the test, not just look right to a regular expression.
 */
export async function parseXml(xml: string): Promise<XmlElement> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const result = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) return { error: error.textContent ?? 'parse error' };
      const convert = (el: Element): XmlElement => ({
        name: el.tagName,
        attributes: Object.fromEntries(Array.from(el.attributes, (a) => [a.name, a.value])),
        text: el.textContent ?? '',
        children: Array.from(el.children, convert),
      });
      return { root: convert(doc.documentElement) };
    }, xml);
    if ('error' in result) throw new Error(`not well-formed XML: ${result.error}`);
    return result.root!;
  } finally {
    await browser.close();
  }
}

export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}

export { startFixtureServer };

/**
 * The CLI's browser, driven directly (no CLI around it), built from the current sources, with
 * every host name sent where `hostRules` says and certificate errors ignored.
 */
export async function launchAuditBrowser(hostRules: string, overrides: Partial<LaunchOptions> = {}): Promise<AuditBrowser> {
  if (buildIsStale(PROJECT_ROOT)) await buildExtension(PROJECT_ROOT, () => undefined);
  return AuditBrowser.launch({
    executablePath: findChromium(),
    extensionDir: extensionDir(PROJECT_ROOT),
    hostRules,
    insecure: true,
    chromiumArgs: [],
    blockThirdPartyCookies: false,
    headed: false,
    gpc: false,
    ...overrides,
  });
}
