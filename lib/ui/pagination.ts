/**
 * Paging keeps the DOM small: 5,000 findings render as one page of rows, not 5,000 expandable
 * rows with evidence. Pages are numbered from 1; an out-of-range page is clamped, so a filter
 * that shrinks the list never leaves the reviewer on an empty page.
 */
export const DEFAULT_PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
  /** 1-based position of the first and last item shown; 0 and 0 when there are none. */
  from: number;
  to: number;
}

export function paginate<T>(items: readonly T[], page: number, pageSize = DEFAULT_PAGE_SIZE): Page<T> {
  const size = Math.max(1, Math.floor(pageSize));
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  const start = (current - 1) * size;
  const shown = items.slice(start, start + size);
  return {
    items: shown,
    page: current,
    pageCount,
    total: items.length,
    from: shown.length ? start + 1 : 0,
    to: start + shown.length,
  };
}
