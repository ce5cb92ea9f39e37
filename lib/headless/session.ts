import { registrableDomain } from '../classify/domain';
import type { PageVisit } from '../model/report';
import type { Observation } from '../model/observation';
import { AuditBrowser, type LaunchOptions, type PageResult } from './audit-browser';
import type { VisitLimits } from './page-load';
import type { ConsentOutcome } from './consent';
import type { CrawlFrontier } from './crawl';
import { firstLine, UserError } from './errors';
import { trace } from './trace';
import { workerAnswers } from './warm-up';
import { withTimeout } from './page-actions';
import { runOrderedPool } from './ordered-pool';
import type { ConsentState } from './option-values';
import type { PageProgress, Progress } from './progress';
import type { AnchorSeen } from '../policy/discover-links';
import { describeDiscovery, type DiscoveryRequest, type DiscoveryResult } from './discovery-result';
import { evidenceBaseName, saveEvidence, type CapturedEvidence, type EvidenceRequest } from './page-evidence';

/**
 * One consent state of a run: a fresh browser profile, the consent banner answered (or left
 * alone), then the pages the frontier hands out, one tab each.
 */
export interface SessionPlan {
  state: ConsentState;
  launch: Omit<LaunchOptions, 'consent'>;
  limits: VisitLimits;
  frontier: CrawlFrontier;
  /** The site's own registrable domains: everything else counts as a third party in progress lines. */
  siteDomains: ReadonlySet<string>;
  progress: Progress;
  /** Prefix progress lines with the state (runs with several states). */
  labelState: boolean;
  /** Tabs audited at once in the one browser (each observation is still its own page's). */
  concurrency: number;
  /** Read the site's own policy once the pages are audited (the first state's session only). */
  discover?: Omit<DiscoveryRequest, 'siteUrl' | 'anchors'>;
  /** `--screenshot`, `--har`: captured per page, written into `outDir`/pages/ and linked from the page. */
  evidence?: EvidenceRequest & { outDir: string };
  isInterrupted(): boolean;
}

export interface SessionResult {
  state: ConsentState;
  pages: PageVisit[];
  /** Tagged with the session's consent state. */
  observations: Observation[];
  consent: ConsentOutcome;
  /** Addresses visited, in order, so the next state can visit the same pages. */
  visitedUrls: string[];
  /** Set when the session could not go on (the browser failed); what it saw is kept. */
  failure?: string;
  discovery?: DiscoveryResult;
  /**
   * Chromium shutting down once everything was read from it: the report is built meanwhile, and
   * the run waits for it before exiting (the profile is removed then).
   */
  closed: Promise<void>;
}

export async function runSession(plan: SessionPlan): Promise<SessionResult> {
  const { state, frontier, progress, limits } = plan;
  const result: SessionResult = { state, pages: [], observations: [], consent: { state, outcome: 'not-requested' }, visitedUrls: [], closed: Promise.resolve() };
  const browser = await AuditBrowser.launch({ ...plan.launch, consent: state === 'none' ? undefined : state });
  const thirdParties = new Set<string>();
  const anchors: AnchorSeen[] = [];
  try {
    browser.prepareTab(); // while the worker starts
    await workerAnswers(browser);
    const first = frontier.next();
    if (first !== undefined && state !== 'none' && !plan.isInterrupted()) {
      result.consent = { state, ...(await browser.answerConsent(first, limits)) };
      progress.note(describeConsent(result.consent, first));
    }
    // Up to `concurrency` tabs at once; results are taken in list order, so the crawl follows the
    // same links in the same order whatever the concurrency.
    // The first page runs alone: it proves that the extension records (AuditBrowser.visitFirst).
    let n = 1;
    let firstTaken = first === undefined;
    let firstDone = firstTaken;
    await runOrderedPool<string, PageResult & { where: PageProgress }>({
      concurrency: plan.concurrency,
      take: () => {
        if (firstTaken) return firstDone ? frontier.next() : undefined;
        firstTaken = true;
        return first;
      },
      run: async (url, index) => {
        const where = { n: index + 1, total: frontier.expectedTotal(), url, ...(plan.labelState ? { state } : {}) };
        progress.pageStarted(where);
        if (index > 0) return { ...(await browser.visit(url, limits, plan.evidence)), where };
        const page = await browser.visitFirst(url, limits, plan.evidence).finally(() => (firstDone = true));
        return { ...page, where };
      },
      handOver: async (url, page) => {
        const { where } = page;
        if (page.notHtml && !page.visit.error) {
          progress.note(`  skipped ${url}: not an HTML page`);
          return;
        }
        n += 1;
        frontier.markVisited(page.visit.finalUrl);
        frontier.addLinks(page.anchors.map((a) => a.href));
        if (anchors.length < 20_000) anchors.push(...page.anchors);
        for (const host of page.hosts) {
          const domain = registrableDomain(host);
          if (host && !plan.siteDomains.has(domain)) thirdParties.add(domain);
        }
        const evidence = page.evidence && plan.evidence ? await keepEvidence(page.evidence, plan.evidence.outDir, evidenceBaseName(n - 1, state), progress) : {};
        result.pages.push({ ...page.visit, consent: state, ...evidence });
        result.visitedUrls.push(url);
        progress.pageFinished({ ...where, n: n - 1, total: frontier.expectedTotal(), thirdParties: thirdParties.size, error: page.visit.error });
      },
      stopped: plan.isInterrupted,
    });
    // Observations first: the policy pages are read by the same browser and are not part of the audit.
    result.observations = await browser.observations();
    trace('observations collected');
    const capped = await browser.cappedByPage().catch(() => ({}) as Record<string, number>);
    result.pages = result.pages.map((page) => {
      const left = capped[page.finalUrl] ?? capped[page.url];
      return left ? { ...page, capped: left } : page;
    });
    if (plan.discover && result.visitedUrls[0] && !plan.isInterrupted()) {
      progress.note('Reading the site’s own privacy policy…');
      // Loaded here: most runs never read a policy.
      const { discoverPolicy } = await import('./policy-discovery');
      result.discovery = await discoverPolicy(browser, { ...plan.discover, siteUrl: result.visitedUrls[0], anchors });
      progress.note(describeDiscovery(result.discovery));
    }
  } catch (error) {
    result.failure = error instanceof UserError ? error.message : firstLine(error);
    // Whatever the extension recorded before the failure still goes into the report.
    // Bounded: a worker that stopped answering must not hold the run (and its report) forever.
    result.observations = (await withTimeout(browser.observations(), 30_000)) ?? [];
  } finally {
    result.closed = browser.close().then(() => trace('Chromium closed'));
  }
  // Tagged in place: the observations were just read from the worker and belong to this session
  // alone, and a copy of a long crawl's 100,000 would hold both at once.
  for (const observation of result.observations) observation.consent = state;
  return result;
}

/** A file that cannot be written costs its link, not the audit. */
async function keepEvidence(evidence: CapturedEvidence, outDir: string, name: string, progress: Progress): Promise<Pick<PageVisit, 'screenshot' | 'har'>> {
  try {
    return await saveEvidence(evidence, outDir, name);
  } catch (error) {
    progress.note(`warning: the screenshot or HAR of page ${name} could not be written: ${firstLine(error)}`);
    return {};
  }
}

function describeConsent(consent: ConsentOutcome, url: string): string {
  const cmp = consent.cmp ? `${consent.cmp} banner` : 'banner';
  switch (consent.outcome) {
    case 'handled':
      return `Consent (${consent.state}): ${cmp} answered on ${url}`;
    case 'failed':
      return `warning: consent (${consent.state}): could not answer the ${cmp} on ${url}; pages are audited as they are`;
    case 'no-banner':
      return `warning: consent (${consent.state}): no consent banner recognised on ${url}; pages are audited as they are`;
    default:
      return `Consent (${consent.state}): banner left alone`;
  }
}
