import type { Observation } from '../model/observation';
import { normalizeRequest } from './requests';
import { stableHash } from './ids';

/** Resource Timing's initiatorType → the webRequest resource type it corresponds to. */
const RESOURCE_TYPES: Record<string, string> = {
  script: 'script',
  img: 'image',
  image: 'image',
  input: 'image',
  link: 'stylesheet',
  css: 'other',
  xmlhttprequest: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  beacon: 'ping',
  iframe: 'sub_frame',
  frame: 'sub_frame',
  embed: 'object',
  object: 'object',
  video: 'media',
  audio: 'media',
  track: 'media',
  navigation: 'main_frame',
};

export interface ResourceEntry {
  url: string;
  initiatorType: string;
  startTime: number;
  transferSize?: number;
  responseStatus?: number;
}

/**
 * Pure: a request that only the page's Resource Timing saw becomes a request observation from the
 * browser API. It happens when the worker was stopped: Chromium then drops webRequest events.
 */
export function resourceObservation(entry: ResourceEntry, pageUrl: string, tabId: number): Observation {
  const observation = normalizeRequest(
    {
      requestId: `rt-${stableHash(`${pageUrl}\n${entry.url}\n${Math.round(entry.startTime)}`)}`,
      url: entry.url,
      type: RESOURCE_TYPES[entry.initiatorType] ?? 'other',
      tabId,
      timeStamp: entry.startTime,
      ...(entry.responseStatus ? { statusCode: entry.responseStatus } : {}),
    },
    { pageUrl },
  );
  return { ...observation, source: 'browser-api', reason: 'seen only by the page’s Resource Timing (the network listener was not running)' };
}
