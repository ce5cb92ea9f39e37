/**
 * Name of the DOM event the MAIN-world hooks dispatch on `document` for the isolated-world observer.
 * Both worlds share the DOM but not JavaScript objects, so the payload travels as a JSON string.
 * The page can listen to and forge it: whatever arrives this way is `page-hook` evidence only.
 */
export const HOOK_EVENT = '__policy_tracker_auditor__';
