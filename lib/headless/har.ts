import { parseSetCookie } from '../observe/set-cookie';

/**
 * One audited page's traffic as a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/),
 * built from what the page's requests told Playwright (har-recorder.ts). Pure: the recorder hands
 * in plain records, so a test can feed it any. Response bodies are never recorded; with
 * `--no-values` the values of Cookie and Set-Cookie headers are left out as well.
 */

export interface HeaderPair {
  name: string;
  value: string;
}

/** Playwright's Request.timing(): milliseconds relative to the request's start, -1 when not known. */
export interface ExchangeTiming {
  domainLookupStart: number;
  domainLookupEnd: number;
  connectStart: number;
  secureConnectionStart: number;
  connectEnd: number;
  requestStart: number;
  responseStart: number;
  responseEnd: number;
}

/** Playwright's Request.sizes(), in bytes. */
export interface ExchangeSizes {
  requestBodySize: number;
  requestHeadersSize: number;
  responseBodySize: number;
  responseHeadersSize: number;
}

/** One request of the page as recorded: everything optional that a failed or unfinished request may lack. */
export interface RecordedExchange {
  /** Wall-clock milliseconds when the request started. */
  startedAt: number;
  method: string;
  url: string;
  /** Playwright's resource type (document, script, image, fetch, ping, …). */
  resourceType?: string;
  requestHeaders: HeaderPair[];
  timing?: ExchangeTiming;
  sizes?: ExchangeSizes;
  response?: { status: number; statusText: string; httpVersion?: string; headers: HeaderPair[]; serverIp?: string };
  /** The network error of a request that failed (net::ERR_…); also set for one still open when the tab closed. */
  failure?: string;
}

export interface RecordedPage {
  url: string;
  /** Wall-clock milliseconds when the visit started. */
  startedAt: number;
  /** Milliseconds from the start to DOMContentLoaded and load, when they fired. */
  onContentLoadMs?: number;
  onLoadMs?: number;
}

export interface HarOptions {
  creator: { name: string; version: string };
  /** False (`--no-values`): Cookie and Set-Cookie header values are omitted, and so are the parsed cookies. */
  valuePreviews: boolean;
  /** Requests left out past the recorder's limit, said in the log's comment. */
  leftOut?: number;
}

interface HarHeader {
  name: string;
  value: string;
  comment?: string;
}

interface HarCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
}

export interface HarEntry {
  pageref: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarCookie[];
    headers: HarHeader[];
    queryString: { name: string; value: string }[];
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarCookie[];
    headers: HarHeader[];
    content: { size: number; mimeType: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: number; connect: number; send: number; wait: number; receive: number; ssl: number };
  serverIPAddress?: string;
  _resourceType?: string;
  _failureText?: string;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: { startedDateTime: string; id: string; title: string; pageTimings: { onContentLoad: number; onLoad: number } }[];
    entries: HarEntry[];
    comment?: string;
  };
}

export const HAR_PAGE_ID = 'page_1';
const OMITTED = 'value omitted (--no-values)';
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);

export function toHar(page: RecordedPage, exchanges: readonly RecordedExchange[], options: HarOptions): Har {
  const comments = ['Response bodies are not recorded.'];
  if (!options.valuePreviews) comments.push('Cookie and Set-Cookie header values are omitted (--no-values).');
  if (options.leftOut) comments.push(`${options.leftOut} later requests of the page are left out.`);
  return {
    log: {
      version: '1.2',
      creator: options.creator,
      pages: [
        {
          startedDateTime: isoTime(page.startedAt),
          id: HAR_PAGE_ID,
          title: page.url,
          pageTimings: { onContentLoad: roundMs(page.onContentLoadMs ?? -1), onLoad: roundMs(page.onLoadMs ?? -1) },
        },
      ],
      entries: [...exchanges].sort((a, b) => a.startedAt - b.startedAt).map((e) => harEntry(e, options.valuePreviews)),
      comment: comments.join(' '),
    },
  };
}

function harEntry(exchange: RecordedExchange, values: boolean): HarEntry {
  const { response, sizes } = exchange;
  const timings = harTimings(exchange.timing);
  const location = response && response.status >= 300 && response.status < 400 ? headerValue(response.headers, 'location') : undefined;
  const contentType = response ? headerValue(response.headers, 'content-type') : undefined;
  return {
    pageref: HAR_PAGE_ID,
    startedDateTime: isoTime(exchange.startedAt),
    time: roundMs([timings.blocked, timings.dns, timings.connect, timings.send, timings.wait, timings.receive].filter((t) => t > 0).reduce((a, b) => a + b, 0)),
    request: {
      method: exchange.method,
      url: exchange.url,
      httpVersion: response?.httpVersion ?? '',
      cookies: values ? requestCookies(exchange.requestHeaders) : [],
      headers: exchange.requestHeaders.map((h) => harHeader(h, values)),
      queryString: queryString(exchange.url),
      headersSize: sizeOrUnknown(sizes?.requestHeadersSize),
      bodySize: sizeOrUnknown(sizes?.requestBodySize),
    },
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: response?.httpVersion ?? '',
      cookies: values && response ? responseCookies(response.headers, exchange.url, exchange.startedAt) : [],
      headers: (response?.headers ?? []).map((h) => harHeader(h, values)),
      content: { size: sizeOrUnknown(sizes?.responseBodySize), mimeType: contentType ?? 'x-unknown' },
      redirectURL: location ? resolveUrl(location, exchange.url) : '',
      headersSize: sizeOrUnknown(sizes?.responseHeadersSize),
      bodySize: sizeOrUnknown(sizes?.responseBodySize),
    },
    cache: {},
    timings,
    ...(response?.serverIp ? { serverIPAddress: response.serverIp } : {}),
    ...(exchange.resourceType ? { _resourceType: exchange.resourceType } : {}),
    ...(exchange.failure ? { _failureText: exchange.failure } : {}),
  };
}

/**
 * HAR's phases from Resource Timing's marks: blocked until DNS (or the connection, or the request)
 * starts; ssl is part of connect, as the spec has it. Playwright does not say when the request was
 * sent in full, so send is 0 and the wait runs from requestStart to the first byte.
 */
function harTimings(timing: ExchangeTiming | undefined): HarEntry['timings'] {
  const span = (from: number | undefined, to: number | undefined) => (from !== undefined && to !== undefined && from >= 0 && to >= from ? roundMs(to - from) : -1);
  if (!timing) return { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1 };
  const firstPhase = [timing.domainLookupStart, timing.connectStart, timing.requestStart].find((t) => t >= 0);
  return {
    blocked: firstPhase === undefined ? -1 : roundMs(firstPhase),
    dns: span(timing.domainLookupStart, timing.domainLookupEnd),
    connect: span(timing.connectStart, timing.connectEnd),
    send: 0,
    wait: Math.max(0, span(timing.requestStart, timing.responseStart)),
    receive: Math.max(0, span(timing.responseStart, timing.responseEnd)),
    ssl: span(timing.secureConnectionStart, timing.connectEnd),
  };
}

function harHeader(header: HeaderPair, values: boolean): HarHeader {
  if (values || !COOKIE_HEADERS.has(header.name.toLowerCase())) return { name: header.name, value: header.value };
  return { name: header.name, value: '', comment: OMITTED };
}

function requestCookies(headers: readonly HeaderPair[]): HarCookie[] {
  return headers
    .filter((h) => h.name.toLowerCase() === 'cookie')
    .flatMap((h) => h.value.split(';'))
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? { name: '', value: pair } : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
    });
}

function responseCookies(headers: readonly HeaderPair[], url: string, now: number): HarCookie[] {
  const lines = headers.filter((h) => h.name.toLowerCase() === 'set-cookie').flatMap((h) => h.value.split('\n'));
  return lines.flatMap((line): HarCookie[] => {
    let parsed: ReturnType<typeof parseSetCookie>;
    try {
      parsed = parseSetCookie(line, url, now);
    } catch {
      return [];
    }
    if (!parsed) return [];
    const pair = line.split(';')[0]!;
    const eq = pair.indexOf('=');
    const { details } = parsed;
    return [
      {
        name: parsed.name,
        value: eq === -1 ? '' : pair.slice(eq + 1).trim(),
        path: details.path,
        domain: details.domain,
        ...(details.lifetimeSeconds !== null && details.lifetimeSeconds !== undefined ? { expires: isoTime(now + details.lifetimeSeconds * 1000) } : {}),
        ...(details.httpOnly ? { httpOnly: true } : {}),
        ...(details.secure ? { secure: true } : {}),
        ...(details.sameSite ? { sameSite: details.sameSite } : {}),
      },
    ];
  });
}

function queryString(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

function resolveUrl(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function sizeOrUnknown(size: number | undefined): number {
  return size !== undefined && Number.isFinite(size) && size >= 0 ? size : -1;
}

/** An ISO time even for a clock value that is not one (a date outside JavaScript's range). */
function isoTime(ms: number): string {
  const date = new Date(Number.isFinite(ms) ? ms : 0);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
