import type { Observation } from '../model/observation';
import type { Technology } from './schema';

/**
 * The one place that decides which policy technology an observation is evidence of. The audit,
 * the report and the UI all go through `technologyOf`, so a policy is judged the same way everywhere.
 */

/**
 * webRequest resource types (Chromium and Firefox names) of `request` observations.
 * - script: the third party runs code in the page ("tags and scripts").
 * - xmlhttprequest / fetch / websocket: only page code can make these, so they are the data flow of a
 *   script ("tags and scripts"), not a separate technology a policy would name.
 * - sub_frame / object / embed: the third party renders its own content inside the page (buttons,
 *   players, ad frames): the policies' "widgets".
 * - ping / beacon / csp_report: fire-and-forget reports, the "beacons" of policies.
 * - image / stylesheet / font / media / everything else: no code runs and nothing is stored, but the
 *   third party still receives the visitor's IP address, browser and the page (Referer): the same
 *   data policies describe as "log files". Tiny tracking images are already `beacon` observations.
 */
const TECHNOLOGY_BY_RESOURCE_TYPE: Readonly<Record<string, Technology>> = {
  script: 'script',
  xmlhttprequest: 'script',
  fetch: 'script',
  websocket: 'script',
  webbundle: 'script',
  main_frame: 'widget',
  sub_frame: 'widget',
  object: 'widget',
  object_subrequest: 'widget',
  embed: 'widget',
  ping: 'beacon',
  beacon: 'beacon',
  csp_report: 'beacon',
};

/** Pure: what technology a policy would have to declare for this observation to be covered. */
export function technologyOf(observation: Pick<Observation, 'kind' | 'resourceType'>): Technology {
  switch (observation.kind) {
    case 'cookie':
      return 'cookie';
    // Policies say "Local Storage Objects"; Web Storage, IndexedDB and Cache Storage all keep data on
    // the visitor's device for the site, so one technology covers every storage area.
    case 'storage':
      return 'local-storage';
    case 'flash':
      return 'flash-lso';
    case 'beacon':
      return 'beacon';
    case 'request':
      return TECHNOLOGY_BY_RESOURCE_TYPE[observation.resourceType ?? ''] ?? 'log-data';
  }
}

/**
 * Technologies that send a request to the party necessarily give it the request's log data. A
 * policy naming Google for scripts has told the visitor Google receives their IP address and page,
 * so a font from Google is not a new disclosure. Storage technologies imply no request.
 */
const IMPLIES_LOG_DATA: ReadonlySet<Technology> = new Set(['cookie', 'beacon', 'script', 'widget']);

/** Whether declaring `declared` tells the visitor about an observation of technology `observed`. */
export function declaredTechnologiesCover(declared: readonly Technology[], observed: Technology): boolean {
  if (declared.includes(observed)) return true;
  return observed === 'log-data' && declared.some((t) => IMPLIES_LOG_DATA.has(t));
}
