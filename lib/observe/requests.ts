import { Observation } from '../model/observation';
import { hostOf, registrableDomain } from '../classify/domain';
import { flashObservationId, requestObservationId } from './ids';

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
  parentFrameId?: number;
  /** Chromium: the document that made the request, and its parent document (a frame's). */
  documentId?: string;
  parentDocumentId?: string;
  /** Chromium: active, pending_deletion (being left), prerender, cached, or empty. */
  documentLifecycle?: string;
  /** Chromium: outermost_frame, fenced_frame or sub_frame. */
  frameType?: string;
  /** Firefox only: the URL of the document that made the request. */
  documentUrl?: string;
  /** Firefox only: the frames above the requesting one, the top-level document last. */
  frameAncestors?: { url: string }[];
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
  /** How a `ping` request was sent, when its request headers told (a-ping sends Ping-To). */
  pingVia?: 'a-ping' | 'send-beacon';
  /** The page hook reported this URL fetched with keepalive: it outlives the page, like a beacon. */
  keepalive?: boolean;
  /** Id of this browser run (see requestObservationId). */
  browserRun?: string;
}

/** A third-party image this small carries no picture: it is a tracking pixel. */
const PIXEL_MAX_BYTES = 100;

/** Pure: one webRequest event → one request observation. */
export function normalizeRequest(raw: RawRequest, context: RequestContext): Observation {
  const observation = requestObservation(raw, context);
  return context.keepalive ? markKeepalive(observation) : observation;
}

/** A fetch with keepalive is a beacon; the page hook told us, the network confirms it. */
export function markKeepalive(o: Observation): Observation {
  return {
    ...o,
    kind: 'beacon',
    via: ['keepalive'],
    reason: 'fetch with keepalive: outlives the page, like a beacon',
    confirmedBy: ['page-hook'],
  };
}

function requestObservation(raw: RawRequest, context: RequestContext): Observation {
  const host = hostOf(raw.url);
  const pageDomain = registrableDomain(hostOf(context.pageUrl));
  const observation: Observation = {
    id: requestObservationId(raw.requestId, raw.url, context.browserRun),
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
  return reclassify(observation, context, headerValue(raw.responseHeaders, 'content-type'));
}

/**
 * Some requests are more than requests: `ping` (sendBeacon, <a ping>) and tiny third-party images
 * are beacons; SWF files are Flash objects. The resource type stays as webRequest named it.
 */
function reclassify(o: Observation, context: RequestContext, contentType: string | undefined): Observation {
  if (o.resourceType === 'ping' || o.resourceType === 'beacon') {
    o.kind = 'beacon';
    o.via = [context.pingVia ?? 'send-beacon'];
    o.reason = context.pingVia === 'a-ping' ? 'hyperlink auditing (<a ping>)' : 'navigator.sendBeacon or ping request';
  } else if (o.resourceType === 'image' && o.party === 'third' && o.responseBytes !== undefined && o.responseBytes <= PIXEL_MAX_BYTES) {
    o.kind = 'beacon';
    o.via = ['pixel'];
    o.reason = `tracking pixel: a ${o.responseBytes}-byte third-party image`;
  } else if (isFlash(o.url ?? '', contentType)) {
    o.kind = 'flash';
    o.id = flashObservationId(o.pageUrl, o.url!);
    o.reason = 'Flash object requested; Local Shared Objects possible in browsers with Flash';
  }
  return o;
}

function isFlash(url: string, contentType: string | undefined): boolean {
  return contentType?.toLowerCase().startsWith('application/x-shockwave-flash') === true || /\.swf(?:[?#]|$)/i.test(url);
}

function headerValue(
  headers: RawRequest['responseHeaders'],
  name: string,
): string | undefined {
  return headers?.find((h) => h.name.toLowerCase() === name)?.value;
}

/**
 * Pure: whether a finished top-level navigation brought a document. A download (Content-Disposition:
 * attachment) or an empty answer (204, 205) leaves the tab on the page it showed.
 */
export function navigationShowsDocument(raw: Pick<RawRequest, 'statusCode' | 'responseHeaders' | 'error'>): boolean {
  if (raw.error) return false;
  if (raw.statusCode === 204 || raw.statusCode === 205) return false;
  return !/^\s*attachment\b/i.test(headerValue(raw.responseHeaders, 'content-disposition') ?? '');
}

/** Only web pages are audited: not the browser's own pages, extensions or local files. */
export function isAuditableUrl(url: string): boolean {
  return url.startsWith('http://') || url.startsWith('https://') || url.startsWith('ws://') || url.startsWith('wss://');
}
