import { mkdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageVisit } from '../model/report';
import { toHar, type Har } from './har';
import { HarRecorder } from './har-recorder';
import type { TabListeners } from './tab-listeners';
import type { ConsentState } from './option-values';
import { withTimeout } from './page-actions';

/**
 * `--screenshot` and `--har`: what a reviewer opens beside the report to see an audited page for
 * themselves. Captured in the tab after the page went quiet and before it closes; written by the
 * session once the page's number in the report is known.
 */
export interface EvidenceRequest {
  screenshot: boolean;
  har: boolean;
  /** False with --no-values: the HAR leaves out Cookie and Set-Cookie header values. */
  valuePreviews: boolean;
  /** The HAR's creator: this tool's name and version. */
  creator: { name: string; version: string };
}

export interface CapturedEvidence {
  png?: Buffer;
  har?: Har;
}

/** The report's directory for evidence files; links in report.json are relative to the report. */
export const EVIDENCE_DIR = 'pages';

const SCREENSHOT_TIMEOUT_MS = 10_000;

/** Starts recording a tab's traffic (with --har) before it navigates; `capture` takes the rest. */
export class PageEvidenceRecorder {
  private readonly har?: HarRecorder;

  constructor(
    tab: TabListeners,
    url: string,
    private readonly request: EvidenceRequest,
  ) {
    if (request.har) this.har = new HarRecorder(tab, url);
  }

  /**
   * The screenshot is of the tab's viewport as the audit left it: a full-page capture would have
   * Chromium lay the page out taller, which loads lazy content and fires trackers the audit did
   * not see. `screenshot` false: the tab has nothing to show (a crash, not an HTML page).
   */
  async capture(tab: Page, { screenshot }: { screenshot: boolean }): Promise<CapturedEvidence> {
    const evidence: CapturedEvidence = {};
    if (this.request.screenshot && screenshot) {
      const png = await withTimeout(tab.screenshot({ type: 'png', timeout: SCREENSHOT_TIMEOUT_MS }), SCREENSHOT_TIMEOUT_MS + 2_000);
      if (png) evidence.png = png;
    }
    if (this.har) {
      const { page, exchanges, leftOut } = await this.har.finish();
      evidence.har = toHar(page, exchanges, { creator: this.request.creator, valuePreviews: this.request.valuePreviews, leftOut });
    }
    return evidence;
  }
}

/** `<n>-<state>`: the page's number in its consent state's run, and the state; nothing the page controls. */
export function evidenceBaseName(pageNumber: number, state: ConsentState): string {
  return `${Math.max(1, Math.floor(pageNumber))}-${state}`;
}

/**
 * Writes what was captured into `<outDir>/pages/` and returns the report's links to it (relative
 * to the report's directory, with forward slashes on every system).
 */
export async function saveEvidence(evidence: CapturedEvidence, outDir: string, baseName: string): Promise<Pick<PageVisit, 'screenshot' | 'har'>> {
  const links: Pick<PageVisit, 'screenshot' | 'har'> = {};
  if (!evidence.png && !evidence.har) return links;
  await mkdir(join(outDir, EVIDENCE_DIR), { recursive: true });
  if (evidence.png) {
    links.screenshot = posix.join(EVIDENCE_DIR, `${baseName}.png`);
    await writeFile(join(outDir, links.screenshot), evidence.png);
  }
  if (evidence.har) {
    links.har = posix.join(EVIDENCE_DIR, `${baseName}.har`);
    await writeFile(join(outDir, links.har), `${JSON.stringify(evidence.har, null, 2)}\n`, 'utf8');
  }
  return links;
}
