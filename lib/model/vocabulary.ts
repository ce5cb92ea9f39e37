/**
 * The report's closed word lists, as plain constants: extension pages that only show a report
 * (the popup) use them without loading the schema library the model's validators are built with.
 */

export const OBSERVATION_KINDS = ['request', 'cookie', 'storage', 'beacon', 'flash'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

/**
 * How the policy treats one third party for one kind of evidence.
 * `unreviewed` is used when no policy was applied to the run.
 */
export const FINDING_STATUSES = [
  'undisclosed',
  'technology-not-disclosed',
  'disclosed-by-category',
  'disclosed',
  'first-party',
  'unreviewed',
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/**
 * The one order findings are read in, everywhere (audit, exports, popup): what needs action first;
 * third parties no policy judged before the site's own domains, which need no disclosure. Spelled
 * out rather than taken from the list above so that reordering the schema cannot reorder reports.
 */
export const STATUS_ORDER = [
  'undisclosed',
  'technology-not-disclosed',
  'disclosed-by-category',
  'disclosed',
  'unreviewed',
  'first-party',
] as const satisfies readonly FindingStatus[];
