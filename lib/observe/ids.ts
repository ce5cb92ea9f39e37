/**
 * Deterministic ids: the same event seen twice (a replayed batch, a restarted worker catching the
 * completion of a request it saw start) yields the same id, so the store keeps one record.
 */
export function stableHash(text: string): string {
  // FNV-1a, 32 bit: tiny, fast and good enough to tell redirect hops of one request apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function requestObservationId(requestId: string, url: string): string {
  return `req-${requestId}-${stableHash(url)}`;
}

/** A Flash object is one observation per page and URL, whether the DOM or the network showed it. */
export function flashObservationId(pageUrl: string, url: string): string {
  return `flash-${stableHash(`${pageUrl}\n${url}`)}`;
}
