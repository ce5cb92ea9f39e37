/**
 * Observation ids are unique within one browser profile only (Chromium numbers its requests from
 * 1 again), so reports combining several profiles — consent states, shards — prefix each
 * profile's ids, and the redirect links between them, with a label of their own. A shard's
 * observations are not checked yet (buildReport does): what is not an object with a string id is
 * passed on as it is, for that check to name.
 */
export function namespaceIds<T>(observations: readonly T[], label: string): T[] {
  return observations.map((o) => {
    if (typeof o !== 'object' || o === null) return o;
    const { id, redirectedFrom } = o as { id?: unknown; redirectedFrom?: unknown };
    return {
      ...o,
      ...(typeof id === 'string' ? { id: `${label}:${id}` } : {}),
      ...(typeof redirectedFrom === 'string' ? { redirectedFrom: `${label}:${redirectedFrom}` } : {}),
    };
  });
}
