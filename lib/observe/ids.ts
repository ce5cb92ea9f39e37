/**
 * Deterministic ids: the same event seen twice (a replayed batch, a restarted worker catching the
 * completion of a request it saw start) yields the same id, so the store keeps one record.
 */
export function stableHash(text: string): string {
  // Two independent 32-bit mixes (64 bits): a long crawl records hundreds of thousands of cookies
  // and keys, where one 32-bit hash would merge two of them after about 77,000.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36).padStart(7, '0')}`;
}

/**
 * Chromium numbers requests from 1 again in every browser run, and the record outlives the run:
 * the run's own id keeps request 7 of today apart from request 7 of yesterday.
 */
export function requestObservationId(requestId: string, url: string, browserRun = ''): string {
  return `req-${browserRun ? `${browserRun}-` : ''}${requestId}-${stableHash(url)}`;
}

/** A Flash object is one observation per page and URL, whether the DOM or the network showed it. */
export function flashObservationId(pageUrl: string, url: string): string {
  return `flash-${stableHash(`${pageUrl}\n${url}`)}`;
}
