import type { Observation, ObservationSource } from '../model/observation';
import type { ParsedCookie } from './set-cookie';
import { registrableDomain, hostOf } from '../classify/domain';
import { stableHash } from './ids';

export type CookieVia = 'http' | 'js' | 'api';

export interface CookieEvent {
  cookie: ParsedCookie;
  via: CookieVia;
  pageUrl: string;
  tabId?: number;
  time: number;
  /** The response that set it (http) or the script that wrote it (js), when known. */
  url?: string;
  frameUrl?: string;
  /** Set when `url` (the writing script) is only the page's word. */
  writerEvidence?: 'page-claim';
}

const SOURCE_OF: Record<CookieVia, ObservationSource> = { http: 'network', js: 'page-hook', api: 'browser-api' };

/** One observation per cookie per page: the id is made of page, domain, path and name. */
function cookieObservationId(pageUrl: string, domain: string, path: string, name: string): string {
  return `cookie-${stableHash(`${pageUrl}\n${domain}\n${path}\n${name}`)}`;
}

export function cookieObservation(event: CookieEvent): Observation {
  const { cookie, pageUrl } = event;
  const observation: Observation = {
    id: cookieObservationId(pageUrl, cookie.details.domain, cookie.details.path, cookie.name),
    kind: 'cookie',
    pageUrl,
    host: cookie.details.domain,
    name: cookie.name,
    via: [event.via],
    party: registrableDomain(cookie.details.domain) === registrableDomain(hostOf(pageUrl)) ? 'first' : 'third',
    time: event.time,
    source: SOURCE_OF[event.via],
    sessionId: registrableDomain(hostOf(pageUrl)),
    cookie: { ...cookie.details },
  };
  if (event.url) observation.url = event.url;
  if (event.url && event.writerEvidence) observation.writerEvidence = event.writerEvidence;
  if (event.frameUrl && event.frameUrl !== pageUrl) observation.frameUrl = event.frameUrl;
  if (event.tabId !== undefined) observation.tabId = event.tabId;
  return observation;
}

/**
 * The observation of a cookie the browser's jar was seen to hold (CookieJar). The jar confirms a
 * header; for a script's write, reported from inside the page, the jar is the evidence and the
 * hook's report only says who wrote it.
 */
export function storedCookieObservation(event: CookieEvent): Observation {
  const observation = cookieObservation(event);
  if (observation.source === 'page-hook') return { ...observation, source: 'browser-api', confirmedBy: ['page-hook'] };
  if (observation.source === 'network') return { ...observation, confirmedBy: ['browser-api'] };
  return observation;
}

const STRENGTH: Record<ObservationSource, number> = { network: 3, 'browser-api': 2, 'page-hook': 1 };

/**
 * Merges two sightings of the same cookie on the same page. The earliest time and the strongest
 * source win; every way it was set is kept; flags only the browser knows (HttpOnly) are filled in.
 */
export function mergeSightings(older: Observation, newer: Observation): Observation {
  const [primary, secondary] = STRENGTH[newer.source] > STRENGTH[older.source] ? [newer, older] : [older, newer];
  const sources = new Set([...(older.confirmedBy ?? []), ...(newer.confirmedBy ?? []), older.source, newer.source]);
  sources.delete(primary.source);
  let via = union(older.via, newer.via);
  // The cookies API sees every cookie: next to a header or a script write it only confirms them.
  if (via?.includes('api') && (via.includes('http') || via.includes('js'))) via = via.filter((v) => v !== 'api');
  const merged: Observation = {
    ...secondary,
    ...primary,
    time: Math.min(older.time, newer.time),
    via,
  };
  if (sources.size > 0) merged.confirmedBy = [...sources].sort();
  else delete merged.confirmedBy;
  if (older.cookie && newer.cookie) merged.cookie = { ...secondary.cookie!, ...primary.cookie! };
  if (older.storage && newer.storage) merged.storage = { ...secondary.storage!, ...primary.storage! };
  return merged;
}

function union(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const all = [...(a ?? []), ...(b ?? [])];
  return all.length ? [...new Set(all)].sort() : undefined;
}
