import { buildReport, type AttributionSources } from '../audit/build-report';
import { plural } from '../export/format';
import { registrableDomain } from '../classify/domain';
import type { PageVisit, Report, RunSettings } from '../model/report';
import type { Observation } from '../model/observation';
import type { AuditOptions } from './args';
import { namespaceIds } from './namespace-ids';
import { buildExtension, buildIsStale, extensionDir } from './build';
import { findChromium, needsNoSandbox } from './chromium';
import { CrawlFrontier } from './crawl';
import { firstLine, UserError } from './errors';
import { EXIT_CODES, outcomeOf } from './gate';
import { trace } from './trace';
import { choosePolicy, loadAttributionSources, type ChosenPolicy } from './policy-choice';
import { policySearchDirs } from './policy-dirs';
import { deliverReport } from './outputs';
import type { FailOn } from './option-values';
import { describeDiscovery, type DiscoveryResult } from './discovery-result';
import { Progress, type Terminal } from './progress';
import { PROJECT_ROOT, toolInfo } from './project';
import { runSession, type SessionResult } from './session';
import { AuditBrowser, type LaunchOptions } from './audit-browser';
import type { ChromiumProcess } from './chromium-process';
import { startUrls } from './url-list';

export interface CliIo {
  /** Diagnostics and progress lines (standard error). */
  log(line: string): void;
  /** The summary (standard output). */
  out(text: string): void;
  /** Where the live progress line is drawn, when it is a terminal. */
  terminal?: Terminal;
}

interface Prepared {
  urls: string[];
  policy?: ChosenPolicy;
  /** No policy file: the site's own policy is read in the browser. */
  discover: boolean;
  sources: AttributionSources;
  executablePath: string;
}

/** `npm run audit -- <url...>` once its arguments were read (cli.ts): returns the exit code (see usage.ts). */
export async function runAuditCommand(options: AuditOptions, io: CliIo): Promise<number> {
  let prepared: Prepared;
  let started: Promise<ChromiumProcess> | undefined;
  try {
    prepared = await prepare(options, io, (executablePath) => {
      started = AuditBrowser.start(launchOptions(options, executablePath));
      started.catch(() => undefined); // a failed start is reported when the session launches
    });
  } catch (error) {
    void started?.then((browser) => browser.stop(), () => undefined);
    io.log(`error: ${error instanceof UserError ? error.message : firstLine(error)}`);
    return EXIT_CODES.error;
  }

  const startedAt = new Date();
  const progress = new Progress(io.log, io.terminal);
  let interrupted = false;
  // Without a crawl the list is all there is: no more tabs (each a window) than pages.
  const concurrency = options.maxPages === undefined ? Math.min(options.concurrency, prepared.urls.length) : options.concurrency;
  const onInterrupt = () => {
    if (interrupted) {
      progress.note('Interrupted again: quitting without a report.');
      process.exit(EXIT_CODES.interrupted);
    }
    interrupted = true;
    const current = concurrency > 1 ? 'the pages being audited' : 'the current page';
    progress.note(`Interrupted: finishing ${current} and writing a partial report… (Ctrl-C again quits at once)`);
  };
  process.on('SIGINT', onInterrupt);
  const sessions: SessionResult[] = [];
  let failure: string | undefined;
  try {
    const evidence = options.screenshot || options.har
      ? { screenshot: options.screenshot, har: options.har, valuePreviews: options.valuePreviews, creator: await toolInfo(), outDir: options.outDir }
      : undefined;
    const siteDomains = new Set([
      ...prepared.urls.map((url) => registrableDomain(new URL(url).hostname)),
      ...(prepared.policy?.policy.site.firstPartyDomains ?? []),
    ]);
    for (const state of options.consent) {
      if (interrupted) break;
      // Every state after the first visits exactly the pages the first one did, so they compare.
      const frontier = sessions[0]
        ? new CrawlFrontier(sessions[0].visitedUrls.length ? sessions[0].visitedUrls : prepared.urls)
        : new CrawlFrontier(prepared.urls, options.maxPages);
      const session = await runSession({
        state,
        launch: { ...launchOptions(options, prepared.executablePath), concurrency, ...(sessions.length === 0 ? { started } : {}) },
        limits: options,
        frontier,
        siteDomains,
        progress,
        labelState: options.consent.length > 1,
        concurrency,
        ...(evidence ? { evidence } : {}),
        isInterrupted: () => interrupted,
        ...(sessions.length === 0 && prepared.discover
          ? { discover: { policyUrls: options.policyUrls, pageTimeoutMs: options.pageTimeoutMs, now: Date.now, trackerDbNames: prepared.sources.trackerDb !== false } }
          : {}),
      });
      sessions.push(session);
      if (session.failure) {
        failure = session.failure;
        break;
      }
    }
  } catch (error) {
    failure = error instanceof UserError ? error.message : firstLine(error);
  } finally {
    // Interrupted, or failed, before the first session took the browser started for it.
    if (sessions.length === 0) void started?.then((browser) => browser.stop(), () => undefined);
    process.off('SIGINT', onInterrupt);
    progress.clear();
  }

  const pages = sessions.flatMap((s) => s.pages);
  const observations = combineObservations(sessions);
  const discovery = sessions[0]?.discovery;
  const policy = prepared.policy ?? discovery?.policy;
  let failing = 0;
  if (pages.length > 0 || observations.length > 0) {
    try {
      const report = buildReport({
        tool: await toolInfo(),
        startedAt: startedAt.getTime(),
        finishedAt: Date.now(),
        pages,
        observations,
        ...(policy ? { policy } : {}),
        ...(discovery ? { policyDiscovery: discovery.attempts } : {}),
        settings: runSettings(options, sessions),
        sources: prepared.sources,
      });
      trace('report built');
      failing = (await deliverReport(report, { ...options, ...(discovery?.draft ? { draft: discovery.draft } : {}) }, io)).failing;
      failure ??= unjudgedThirdParties(report, options.failOn, discovery);
    } catch (error) {
      failure ??= `the report could not be written: ${firstLine(error)}`;
    }
  }
  trace('report written');
  await Promise.all(sessions.map((s) => s.closed));
  failure ??= pageFailure(pages);
  if (!failure && !interrupted && pages.length === 0) failure = 'no page was audited (every address was skipped)';
  if (failure) io.log(`error: ${failure}`);
  return EXIT_CODES[outcomeOf({ failed: failure !== undefined, interrupted, failingFindings: failing })];
}

function launchOptions(options: AuditOptions, executablePath: string): Omit<LaunchOptions, 'consent'> {
  return { ...options, executablePath, extensionDir: extensionDir(PROJECT_ROOT) };
}

/**
 * Everything that can fail before the audit browses, so mistakes cost no browsing time. Chromium
 * is started (`startBrowser`) once the extension is built, and starts up while the policy, the
 * attribution sources and Playwright load; a mistake found after that stops it unused.
 */
async function prepare(options: AuditOptions, io: CliIo, startBrowser: (executablePath: string) => void): Promise<Prepared> {
  const executablePath = findChromium(options.chromium);
  const urls = await startUrls(options.urls, options.urlsFile, options.shard);
  if (options.build && buildIsStale(PROJECT_ROOT)) await buildExtension(PROJECT_ROOT, io.log);
  startBrowser(executablePath);
  const explicit = options.policy === 'discover' ? undefined : options.policy;
  const dirs = await policySearchDirs(options.policiesDirs, process.cwd(), PROJECT_ROOT);
  const chosen = options.policy === 'discover' || options.policyUrls.length > 0 ? undefined : await choosePolicy(explicit, urls[0]!, PROJECT_ROOT, dirs);
  const discover = !chosen && options.policyDiscovery;
  const host = new URL(urls[0]!).hostname;
  if (chosen) io.log(`Policy: ${chosen.policy.source.title} (${chosen.file})`);
  else if (discover) io.log(`No policy file is for ${host}: its own policy will be found and read in the browser.`);
  else io.log(`No policy in policy/ is for ${host}: findings stay unreviewed (pass --policy <file> to judge them).`);
  trace('policy chosen');
  const sources = await loadAttributionSources(options.trackerDb);
  trace('attribution sources loaded');
  return { urls, ...(chosen ? { policy: chosen } : {}), discover, sources, executablePath };
}

/** One profile keeps its ids; several get theirs prefixed with the consent state. */
function combineObservations(sessions: readonly SessionResult[]): Observation[] {
  if (sessions.length < 2) return sessions[0]?.observations ?? [];
  return sessions.flatMap((s) => namespaceIds(s.observations, s.state));
}

function runSettings(options: AuditOptions, sessions: readonly SessionResult[]): Omit<RunSettings, 'trackerDb'> {
  return {
    thirdPartyCookies: options.blockThirdPartyCookies ? 'blocked' : 'allowed',
    gpc: options.gpc,
    sandbox: !needsNoSandbox(),
    insecure: options.insecure,
    valuePreviews: options.valuePreviews,
    consent: sessions.map((s) => s.consent),
    ...(options.shard ? { shard: options.shard } : {}),
  };
}

/**
 * `--fail-on` with third parties seen and no policy to judge them by is a broken gate, not a pass:
 * the line says what was tried. With no third party, nothing can be undisclosed, policy or not.
 */
function unjudgedThirdParties(report: Report, failOn: FailOn, discovery: DiscoveryResult | undefined): string | undefined {
  if (failOn === 'none' || report.policy) return undefined;
  const unjudged = report.findings.filter((f) => f.status === 'unreviewed').length;
  if (unjudged === 0) return undefined;
  const why = discovery ? describeDiscovery(discovery).replace(/^Policy: /, '') : 'no policy file is for the site and policy discovery is off';
  return `--fail-on ${failOn}: ${plural(unjudged, 'third party', 'third parties')} and no policy to judge ${unjudged === 1 ? 'it' : 'them'} against (${why})`;
}

function pageFailure(pages: readonly PageVisit[]): string | undefined {
  const failed = pages.filter((page) => page.error);
  if (failed.length === 0) return undefined;
  return `${failed.length} of ${pages.length} pages did not load completely (${failed[0]!.url}: ${failed[0]!.error})`;
}
