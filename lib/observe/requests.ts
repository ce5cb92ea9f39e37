import { Observation } from './observation';
import { hostOf, registrableDomain } from '../classify/domain';
import { requestObservationId } from './ids';

/**
 * The subset of Chromium/Firefox webRequest details we read. Every event (before-request,
 * redirect, completed, error) carries these, so an observation can be built from whichever
 * event a (re)started worker happens to see first.
 */
export interface RawRequest {
  requestId: string;
  url: string;
  method?: string;
  type: string;
  tabId: number;
  frameId?: number;
  timeStamp: number;
  initiator?: string;
  /** Firefox only: the URL of the document that made the request. */
  documentUrl?: string;
  statusCode?: number;
  error?: string;
  redirectUrl?: string;
  responseHeaders?: { name: string; value?: string }[];
}

export interface RequestContext {
  /** The top-level page the tab shows (for a main_frame request: the request URL itself). */
  pageUrl: string;
  /** Id of the previous hop when this request is the target of a redirect. */
  redirectedFrom?: string;
}

/** Pure: one webRequest event → one request observation. */
export function normalizeRequest(raw: RawRequest, context: RequestContext): Observation {
  const host = hostOf(raw.url);
  const pageDomain = registrableDomain(hostOf(context.pageUrl));
  const observation: Observation = {
    id: requestObservationId(raw.requestId, raw.url),
    kind: 'request',
    pageUrl: context.pageUrl,
    url: raw.url,
    host,
    resourceType: raw.type,
    party: registrableDomain(host) === pageDomain ? 'first' : 'third',
    time: Math.round(raw.timeStamp),
    source: 'network',
    tabId: raw.tabId,
    sessionId: pageDomain,
  };
  if (raw.method) observation.method = raw.method;
  if (raw.initiator && raw.initiator !== 'null') observation.initiator = raw.initiator;
  if (raw.statusCode !== undefined) observation.statusCode = raw.statusCode;
  if (raw.error) observation.error = raw.error;
  if (context.redirectedFrom) observation.redirectedFrom = context.redirectedFrom;
  const length = headerValue(raw.responseHeaders, 'content-length');
  if (length !== undefined && /^\d+$/.test(length)) observation.responseBytes = Number(length);
  return observation;
}

export function headerValue(
  headers: RawRequest['responseHeaders'],
  name: string,
): string | undefined {
  return headers?.find((h) => h.name.toLowerCase() === name)?.value;
}

/** Only web pages are audited: not the browser's own pages, extensions or local files. */
export function isAuditableUrl(url: string): boolean {
  return url.startsWith('http://') || url.startsWith('https://') || url.startsWith('ws://') || url.startsWith('wss://');
}
