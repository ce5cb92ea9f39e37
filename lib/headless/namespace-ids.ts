import type { Observation } from '../model/observation';

/**
 * Observation ids are unique within one browser profile only (Chromium numbers its requests from
 * 1 again), so reports combining several profiles — consent states, shards — prefix each
 * profile's ids, and the redirect links between them, with a label of their own.
 */
export function namespaceIds(observations: readonly Observation[], label: string): Observation[] {
  return observations.map((o) => ({
    ...o,
    id: `${label}:${o.id}`,
    ...(o.redirectedFrom !== undefined ? { redirectedFrom: `${label}:${o.redirectedFrom}` } : {}),
  }));
}
