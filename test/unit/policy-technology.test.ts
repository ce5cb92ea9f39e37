import { describe, expect, it } from 'vitest';
import type { ObservationKind } from '../../lib/model/observation';
import { declaredTechnologiesCover, technologyOf } from '../../lib/policy/technology';
import type { Technology } from '../../lib/policy/schema';

describe('technologyOf', () => {
  it.each<[ObservationKind, string | undefined, Technology, string]>([
    ['cookie', undefined, 'cookie', 'any cookie, set over HTTP or by script'],
    ['storage', undefined, 'local-storage', 'localStorage, IndexedDB, Cache Storage'],
    ['flash', undefined, 'flash-lso', 'a Flash Local Shared Object'],
    ['beacon', undefined, 'beacon', 'sendBeacon, a[ping], keepalive fetch or a tracking pixel'],
    ['beacon', 'image', 'beacon', 'a tiny image the observe layer already called a beacon'],
    ['request', 'script', 'script', 'a script the third party runs in the page'],
    ['request', 'xmlhttprequest', 'script', 'data sent by page code: the "scripts" of a policy'],
    ['request', 'fetch', 'script', 'the same through fetch (Firefox type name)'],
    ['request', 'websocket', 'script', 'a socket page code opened'],
    ['request', 'sub_frame', 'widget', 'an embedded frame: a button, player or ad frame'],
    ['request', 'main_frame', 'widget', 'a top-level document of another party'],
    ['request', 'object', 'widget', 'a plugin object such as a Flash movie'],
    ['request', 'ping', 'beacon', 'the ping resource type'],
    ['request', 'beacon', 'beacon', "Firefox's beacon resource type"],
    ['request', 'csp_report', 'beacon', 'a report the browser sends by itself'],
    ['request', 'image', 'log-data', 'an ordinary image: the host only learns IP, browser and page'],
    ['request', 'stylesheet', 'log-data', 'a stylesheet from a CDN'],
    ['request', 'font', 'log-data', 'a web font'],
    ['request', 'media', 'log-data', 'audio or video'],
    ['request', 'other', 'log-data', 'anything the browser could not type'],
    ['request', undefined, 'log-data', 'a request without a resource type'],
  ])('%s / %s → %s (%s)', (kind, resourceType, expected) => {
    expect(technologyOf(resourceType === undefined ? { kind } : { kind, resourceType })).toBe(expected);
  });
});

describe('declaredTechnologiesCover', () => {
  it.each<[Technology[], Technology, boolean]>([
    [['cookie'], 'cookie', true],
    [['cookie'], 'local-storage', false],
    [['script'], 'log-data', true],
    [['widget'], 'log-data', true],
    [['beacon'], 'log-data', true],
    [['cookie'], 'log-data', true],
    [['local-storage', 'flash-lso'], 'log-data', false],
    [['log-data'], 'script', false],
    [['script'], 'widget', false],
  ])('declaring %j covers %s: %s', (declared, observed, expected) => {
    expect(declaredTechnologiesCover(declared, observed)).toBe(expected);
  });
});
