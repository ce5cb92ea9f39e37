import { browser } from 'wxt/browser';
import type { RequestOf, ResponseMap } from '../extension/messages';
import { ask } from './client';

/** Findings groups the popup shows on one screen (and asks for first). */
export const POPUP_PAGE_SIZE = 40;

type SiteReportRequest = Omit<RequestOf<'site-report'>, 'type' | 'firstGroups'>;

/**
 * What the popup reports on: `?site=` for a site session without a tab, `?tabId=` for a tab other
 * than the active one (tests: the active tab is then the popup itself), else the active tab.
 */
export async function popupRequest(): Promise<SiteReportRequest> {
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
