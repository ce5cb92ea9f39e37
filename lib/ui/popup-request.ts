import { browser } from 'wxt/browser';
import type { RequestOf, ResponseMap } from '../extension/messages';
import { ask } from './client';

/** Findings groups the popup shows on one screen (and asks for first). */
export const POPUP_PAGE_SIZE = 40;

type SiteReportRequest = Omit<RequestOf<'site-report'>, 'type' | 'firstGroups'>;

/**
 * What the popup reports on: `?site=` for a site session without a tab, `?tabId=` for a tab other
 * than the active one (tests: the active tab is then the popup itself), else the active tab. A
 * popup closes when its window loses focus, so its subject never changes: it is looked up once,
 * for the first screen, the whole report and every refresh.
 */
export function popupRequest(): Promise<SiteReportRequest> {
  // A lookup that failed is tried again by the next load (Refresh).
  subject ??= popupSubject().catch((error: unknown) => {
    subject = undefined;
    throw error;
  });
  return subject;
}

let subject: Promise<SiteReportRequest> | undefined;

async function popupSubject(): Promise<SiteReportRequest> {
  const params = new URLSearchParams(location.search);
  const site = params.get('site');
  if (site) return { site };
  const tabParam = Number(params.get('tabId'));
  const tabId = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  return tabId === undefined ? {} : { tabId };
}

/**
 * The popup's first question, asked as soon as this module runs (main.ts imports it before the
 * app): the worker answers while the popup's components are still being loaded.
 */
export const firstScreenAnswer: Promise<ResponseMap['site-report']> = popupRequest().then((request) =>
  ask({ type: 'site-report', ...request, firstGroups: POPUP_PAGE_SIZE }),
);
// Awaited by the first load; an early failure must not also be reported as unhandled.
firstScreenAnswer.catch(() => undefined);
