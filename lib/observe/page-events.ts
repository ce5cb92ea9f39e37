import { z } from 'zod';
import type { Observation, Party, StorageDetails } from '../model/observation';
import { registrableDomain, hostOf } from '../classify/domain';
import { flashObservationId, stableHash } from './ids';
import { parseSetCookie } from './set-cookie';
import { cookieObservation, type CookieEvent } from './cookies';
import { COOKIE_LIMIT, KEY_LIMIT, URL_LIMIT } from './page/report-limits';

/**
 * What the content scripts report from inside each frame. `hook` events come from code that
 * shares the page's world (the page could forge them); `read` events come from our isolated
 * world reading the frame's own storage (the page cannot forge those, only cause them).
 */
const ScriptUrl = z.string().max(URL_LIMIT).optional();
/** A long key, name or URL arrives cut (report-limits.ts) with its full length. */
const FullLength = z.number().int().positive().optional();
/** Set by the hook when it could not read the caller from the browser's own stack (see caller.ts). */
const WriterEvidence = z.literal('page-claim').optional();
export const PageEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cookie-write'), cookie: z.string().max(COOKIE_LIMIT), scriptUrl: ScriptUrl, writerEvidence: WriterEvidence }),
  z.object({
    type: z.literal('storage'),
    via: z.enum(['hook', 'read']),
    area: z.enum(['localStorage', 'sessionStorage']),
    key: z.string().max(KEY_LIMIT),
    keyLength: FullLength,
    valueSize: z.number().int().nonnegative(),
    valuePreview: z.string().max(64).optional(),
    scriptUrl: ScriptUrl,
    writerEvidence: WriterEvidence,
  }),
  z.object({
    type: z.literal('database'),
    via: z.enum(['hook', 'read']),
    area: z.enum(['indexedDB', 'cache', 'serviceWorker']),
    name: z.string().max(KEY_LIMIT),
    keyLength: FullLength,
    url: z.string().max(URL_LIMIT).optional(),
    scriptUrl: ScriptUrl,
    writerEvidence: WriterEvidence,
  }),
  /** cookieStore.set was called; `name` when the page passed it as a string (the hook converts nothing). */
  z.object({ type: z.literal('cookie-store-write'), name: z.string().min(1).max(KEY_LIMIT).optional(), scriptUrl: ScriptUrl, writerEvidence: WriterEvidence }),
  z.object({ type: z.literal('beacon'), via: z.literal('keepalive'), url: z.string().max(URL_LIMIT), urlLength: FullLength, scriptUrl: ScriptUrl }),
  z.object({ type: z.literal('flash'), url: z.string().max(8192), element: z.enum(['embed', 'object']) }),
  z.object({
    type: z.literal('resource'),
    url: z.string().max(8192),
    initiatorType: z.string().max(64),
    /** Milliseconds since the epoch (timeOrigin + startTime). */
    startTime: z.number(),
    transferSize: z.number().int().nonnegative().optional(),
    responseStatus: z.number().int().nonnegative().optional(),
  }),
]);
export type PageEvent = z.infer<typeof PageEvent>;

/** Events are validated one by one: a forged or malformed one must not cost the rest of its batch. */
export const PageEventsMessage = z.object({
  type: z.literal('page-events'),
  events: z.array(z.unknown()).max(500),
  /** Reports the frame's observer left out since its last batch (report-limits.ts). */
  leftOut: z.number().int().nonnegative().max(1e9).optional(),
});

/** The valid events of a batch, and how many were not (counted with what the page left out). */
export function validPageEvents(events: unknown[]): { valid: PageEvent[]; invalid: number } {
  const valid = events.flatMap((event) => {
    const parsed = PageEvent.safeParse(event);
    return parsed.success ? [parsed.data] : [];
  });
  return { valid, invalid: events.length - valid.length };
}

export interface FrameContext {
  pageUrl: string;
  frameUrl: string;
  tabId?: number;
  time: number;
  /** False when the user chose to keep no value previews (values can be personal data). */
  keepValuePreviews: boolean;
}

const FLASH_NOTE = 'Flash object embedded; Local Shared Objects possible in browsers with Flash';

/**
 * Pure: what a hooked `document.cookie` write claims, or undefined when the browser would not store
 * it anyway (a Domain the frame's host may not set, a deletion). A claim still has to be found in
 * the browser's jar before it is recorded (CookieCollector.recordIfStored).
 */
export function cookieWriteClaim(event: PageEvent & { type: 'cookie-write' }, ctx: FrameContext): CookieEvent & { via: 'js' } | undefined {
  const cookie = parseSetCookie(event.cookie, ctx.frameUrl, ctx.time);
  if (!cookie || cookie.deletes) return undefined;
  delete cookie.details.httpOnly; // a script cannot set HttpOnly: only the browser can tell
  return {
    cookie,
    via: 'js',
    pageUrl: ctx.pageUrl,
    tabId: ctx.tabId,
    time: ctx.time,
    url: event.scriptUrl,
    frameUrl: ctx.frameUrl,
    ...(event.scriptUrl && event.writerEvidence ? { writerEvidence: event.writerEvidence } : {}),
  };
}

/** Pure: one reported page event → one observation (cookies and storage merge by id later). */
export function pageEventToObservation(event: PageEvent, ctx: FrameContext): Observation | undefined {
  const frameHost = hostOf(ctx.frameUrl);
  const pageDomain = registrableDomain(hostOf(ctx.pageUrl));
  const partyOf = (host: string): Party => (registrableDomain(host) === pageDomain ? 'first' : 'third');
  const base = {
    pageUrl: ctx.pageUrl,
    time: ctx.time,
    sessionId: pageDomain,
    ...(ctx.tabId !== undefined ? { tabId: ctx.tabId } : {}),
    ...(ctx.frameUrl !== ctx.pageUrl ? { frameUrl: ctx.frameUrl } : {}),
  };
  /** One observation per page, frame origin, storage area and key: a hook report and a read merge. */
  const storageObservation = (
    event: { via: 'hook' | 'read'; area: StorageDetails['area']; scriptUrl?: string; writerEvidence?: 'page-claim' },
    key: string,
    details: Pick<StorageDetails, 'valueSize' | 'valuePreview' | 'keyLength'>,
    url: string | undefined,
  ): Observation => {
    const origin = new URL(ctx.frameUrl).origin;
    return {
      ...base,
      id: `storage-${stableHash(`${ctx.pageUrl}\n${origin}\n${event.area}\n${key}`)}`,
      kind: 'storage',
      host: frameHost,
      name: key,
      party: partyOf(frameHost),
      source: event.via === 'hook' ? 'page-hook' : 'browser-api',
      storage: { area: event.area, origin, key, ...details },
      ...(url ? { url } : {}),
      ...(url && url === event.scriptUrl && event.writerEvidence ? { writerEvidence: event.writerEvidence } : {}),
    };
  };
  switch (event.type) {
    case 'cookie-write': {
      const claim = cookieWriteClaim(event, ctx);
      return claim && cookieObservation(claim);
    }
    case 'storage': {
      const preview = ctx.keepValuePreviews && event.valuePreview !== undefined ? { valuePreview: event.valuePreview } : {};
      return storageObservation(event, event.key, { valueSize: event.valueSize, ...preview, ...fullLength(event) }, event.scriptUrl);
    }
    case 'database':
      return storageObservation(event, event.name, fullLength(event), event.url ?? event.scriptUrl);
    case 'beacon':
      // Not an observation of its own: it marks the request webRequest saw (KeepaliveRegistry).
      return undefined;
    case 'resource':
      // Only a stand-in for a request the network listener missed (ResourceReconciler decides).
      return undefined;
    case 'cookie-store-write':
      // Not an observation: it tells which page the cookie change that follows is (CookieCollector).
      return undefined;
    case 'flash': {
      const host = hostOf(event.url);
      return {
        ...base,
        id: flashObservationId(ctx.pageUrl, event.url),
        kind: 'flash',
        url: event.url,
        host,
        party: partyOf(host),
        via: [event.element],
        source: 'browser-api',
        reason: FLASH_NOTE,
      };
    }
  }
}

function fullLength(event: { keyLength?: number }): Pick<StorageDetails, 'keyLength'> {
  return event.keyLength === undefined ? {} : { keyLength: event.keyLength };
}
