/**
 * The user's settings, kept in the extension's storage.local under these keys: the options page
 * writes them, the worker reads them when it records or judges.
 */
export const SETTINGS = {
  /** false: only keys and value sizes of storage writes are recorded, no value preview. */
  keepValuePreviews: 'keepValuePreviews',
  /** true: Ghostery's trackerdb is an attribution source (off unless the user turns it on). */
  useTrackerDb: 'useTrackerDb',
  /** true: nothing new is recorded until the user resumes. */
  recordingPaused: 'recordingPaused',
} as const;

/** Observations older than this are deleted when the worker starts (the extension's retention limit). */
export const RETENTION_DAYS = 30;

/** Whether this build carries trackerdb at all (`AUDITOR_TRACKERDB=off npm run build` leaves it out). */
export const TRACKERDB_BUNDLED = import.meta.env.AUDITOR_TRACKERDB !== 'off';
