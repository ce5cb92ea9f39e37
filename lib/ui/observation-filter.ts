import type { Observation, ObservationKind } from '../model/observation';

/**
 * The report page's observation table filter: by kind and by words that must all appear in the
 * host, URL, name/key or page. Observations are many (tens of thousands), so this is a plain scan
 * with no allocation per item beyond the lower-cased fields.
 */
export function filterObservations(
  observations: readonly Observation[],
  { kinds, query }: { kinds: ReadonlySet<ObservationKind>; query: string },
): Observation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (kinds.size === 0 && words.length === 0) return [...observations];
  return observations.filter((o) => {
    if (kinds.size > 0 && !kinds.has(o.kind)) return false;
    if (words.length === 0) return true;
    const text = `${o.host}\n${o.url ?? ''}\n${o.name ?? ''}\n${o.storage?.key ?? ''}\n${o.pageUrl}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
