import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { PolicyPageAttempt } from '../model/report';
import type { PolicyLink } from '../policy/discover-links';
import { pageTextProblem } from '../policy/discovered-policy';
import { policyPageAttempt, type PolicyPageOutcome } from '../policy/read-policy-pages';
import { extractPageText, MAX_POLICY_CHARS, type PageTextResult } from '../policy/page-text';
import { withTimeout } from './page-actions';
import { firstLine } from './errors';

let readabilitySource: Promise<string> | undefined;

/** Mozilla's Readability, as a script to run in the policy page (it finds the main content). */
function readability(): Promise<string> {
  readabilitySource ??= readFile(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
  return readabilitySource;
}

/**
 * Loads one candidate policy page in the browser (scripts run, consent banners left alone) and
 * reads its main content. Every way it can fail becomes an attempt with an outcome and a detail,
 * never an exception: a missing policy is a finding of the audit, not a crash.
 */
export async function readPolicyPage(page: Page, link: PolicyLink, timeoutMs: number): Promise<PolicyPageOutcome> {
  const attempt = (outcome: PolicyPageAttempt['outcome'], detail?: string) => policyPageAttempt(link, outcome, detail);
  try {
    const response = await page.goto(link.url, { waitUntil: 'load', timeout: timeoutMs });
    if (!response) return attempt('failed', 'no response');
    if (response.status() === 404 || response.status() === 410) return attempt('not-found', `HTTP ${response.status()}`);
    if (response.status() >= 400) return attempt('http-error', `HTTP ${response.status()}`);
    const type = response.headers()['content-type'] ?? '';
    if (type && !/^\s*(?:text\/html|application\/xhtml\+xml)/i.test(type)) return attempt('not-html', type.split(';')[0]!.trim());
    await withTimeout(page.evaluate(`${await readability()}\n;globalThis.__auditorReadability = Readability;`), 10_000);
    const read = await withTimeout(
      // The TypeScript loader wraps named inner functions in `__name(…)`; the page needs a stand-in.
      page.evaluate(`var __name = (f) => f;\n(${extractPageText.toString()})(globalThis.__auditorReadability, ${MAX_POLICY_CHARS + 1})`) as Promise<PageTextResult>,
      20_000,
    );
    if (!read) return attempt('failed', 'the page did not let its text be read within 20 s');
    const problem = pageTextProblem(read);
    if (problem) return attempt(problem.outcome, problem.detail);
    const finalUrl = page.url();
    return {
      attempt: attempt('read', finalUrl !== link.url ? `read at ${finalUrl}` : undefined).attempt,
      text: { url: finalUrl, kind: link.kind, title: read.title, markdown: read.markdown },
    };
  } catch (error) {
    const message = firstLine(error);
    if (/download is starting/i.test(message)) return attempt('not-html', 'a download');
    return attempt('failed', message);
  }
}
