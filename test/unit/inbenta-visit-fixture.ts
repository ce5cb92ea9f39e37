import type { Observation } from '../../lib/model/observation';

let n = 0;

/** An observation made on www.inbenta.com (the site session `inbenta.com` unless `extra` says otherwise). */
export function seenOnInbenta(kind: Observation['kind'], host: string, extra: Partial<Observation> = {}): Observation {
  const site = extra.sessionId ?? 'inbenta.com';
  n += 1;
  return {
    id: `o${n}`,
    kind,
    pageUrl: 'https://www.inbenta.com/en/',
    url: `https://${host}/x`,
    host,
    party: host.endsWith(site) ? 'first' : 'third',
    time: 1_000 + n,
    source: 'network',
    sessionId: site,
    ...extra,
  };
}
