import type { PageVisit } from '../model/report';
import { plural } from './format';

/**
 * What the record left out of pages that flooded it (`pages[].capped`: reports past the frames'
 * limits or the per-page budget, and observations past the database's limits), in the words
 * every view uses: the popup, the report page, report.html, report.md and the CLI summary.
 */
export interface LeftOut {
  reports: number;
  pages: number;
}

export function leftOutOf(pages: readonly Pick<PageVisit, 'url' | 'capped'>[]): LeftOut {
  let reports = 0;
  let count = 0;
  for (const page of pages) {
    if (!page.capped) continue;
    reports += page.capped;
    count += 1;
  }
  return { reports, pages: count };
}

const reportsText = (count: number) => plural(count, 'report');
const wasOrWere = (count: number) => (count === 1 ? 'was' : 'were');

/** One line for a whole report, or undefined when nothing was left out. */
export function leftOutText(pages: readonly Pick<PageVisit, 'url' | 'capped'>[]): string | undefined {
  const { reports, pages: count } = leftOutOf(pages);
  if (reports === 0) return undefined;
  const cause = count === 1 ? 'the page flooded the record' : 'the pages flooded the record';
  return `${reportsText(reports)} from ${plural(count, 'page')} ${wasOrWere(reports)} left out: ${cause}`;
}

/** For one page's row (pages tables). */
export function pageLeftOutText(capped: number | undefined): string | undefined {
  return capped ? `${reportsText(capped)} left out: the page flooded the record` : undefined;
}

/**
 * The popup's notice: the page the tab shows when it left something out, else the site session's
 * pages together.
 */
export function popupLeftOutText(pages: readonly Pick<PageVisit, 'url' | 'capped'>[], pageUrl?: string): string | undefined {
  const here = pageUrl === undefined ? undefined : pages.find((p) => p.url === pageUrl)?.capped;
  if (here) return `${reportsText(here)} from this page ${wasOrWere(here)} left out: the page flooded the record.`;
  const { reports } = leftOutOf(pages);
  if (reports === 0) return undefined;
  return `${reportsText(reports)} from this site’s pages ${wasOrWere(reports)} left out: a page flooded the record.`;
}
