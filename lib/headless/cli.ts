import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAuditArgs, USAGE, type AuditOptions } from './args';
import { AuditBrowser, firstLine } from './audit-browser';
import { buildExtension, buildIsStale, extensionDir } from './build';
import { findChromium } from './chromium';
import { UserError } from './errors';
import { assembleReport } from './assemble-report';
import type { Observation } from '../observe/observation';
import type { PageVisit } from '../export/report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs an audit; returns the process exit code (0 done, 2 usage or runtime error). */
export async function runAudit(argv: string[], log = (line: string) => console.error(line)): Promise<number> {
  let options: AuditOptions;
  try {
    const parsed = parseAuditArgs(argv);
    if (parsed === 'help') {
      console.log(USAGE);
      return 0;
    }
    options = parsed;
  } catch (error) {
    log(`error: ${(error as Error).message}`);
    return 2;
  }

  const startedAt = new Date();
  const pages: PageVisit[] = [];
  let observations: Observation[] = [];
  let failure: string | undefined;
  let browser: AuditBrowser | undefined;
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
    log('Interrupted: finishing the current page and writing a partial report…');
  };
  process.once('SIGINT', onInterrupt);
  try {
    const executablePath = findChromium(options.chromium);
    if (options.build && buildIsStale(ROOT)) await buildExtension(ROOT, log);
    browser = await AuditBrowser.launch({ ...options, executablePath, extensionDir: extensionDir(ROOT) });
    await browser.warmUp();
    for (const [index, url] of options.urls.entries()) {
      if (interrupted) break;
      log(`[${index + 1}/${options.urls.length}] ${url}`);
      const visit = await browser.visit(url, options);
      if (visit.error) log(`  page error: ${visit.error}`);
      pages.push(visit);
    }
    observations = await browser.observations();
  } catch (error) {
    failure = error instanceof UserError ? error.message : firstLine(error);
    // Whatever the extension recorded before the failure still goes into the report.
    if (browser) observations = await browser.observations().catch(() => observations);
  } finally {
    process.off('SIGINT', onInterrupt);
    await browser?.close();
  }

  if (pages.length > 0 || observations.length > 0) {
    const report = assembleReport({
      tool: await toolInfo(),
      startedAt,
      finishedAt: new Date(),
      pages,
      observations,
      settings: { thirdPartyCookies: options.blockThirdPartyCookies ? 'blocked' : 'allowed' },
    });
    await mkdir(options.outDir, { recursive: true });
    const file = join(options.outDir, 'report.json');
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`${observations.length} observations, ${report.findings.length} third parties; report: ${file}`);
  }
  const failed = pages.filter((page) => page.error);
  if (!failure && failed.length > 0) {
    failure = `${failed.length} of ${pages.length} pages did not load completely (${failed[0]!.url}: ${failed[0]!.error})`;
  }
  if (failure) {
    log(`error: ${failure}`);
    return 2;
  }
  return interrupted ? 130 : 0;
}

async function toolInfo(): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runAudit(process.argv.slice(2)).then((code) => process.exit(code));
}
