import type { Observation } from './observation';

export interface HostCount {
  host: string;
  count: number;
}

/** Third-party hosts by number of observations, most first (ties by name, so the order is stable). */
export function countThirdPartyHosts(observations: readonly Observation[]): HostCount[] {
  const counts = new Map<string, number>();
  for (const o of observations) if (o.party === 'third') counts.set(o.host, (counts.get(o.host) ?? 0) + 1);
  return [...counts]
    .map(([host, count]) => ({ host, count }))
    .sort((a, b) => b.count - a.count || a.host.localeCompare(b.host));
}
