/** Ids a watched session may collect before it is given up (its reader then starts over). */
const IDS_KEPT = 20_000;

/**
 * Which observations of a site session were added, replaced or deleted since a reader last asked:
 * lets the badge keep its count up to date from what changed, not from the whole session. Only
 * watched sessions are logged; `take` answers undefined when the reader must read everything again
 * (never watched, too much changed, or the database lost observations in bulk).
 */
export class ChangeLog {
  private readonly sessions = new Map<string, Set<string>>();

  /** Starts (or starts over) logging the session's changes: call before reading all of it. */
  watch(sessionId: string): void {
    this.sessions.set(sessionId, new Set());
  }

  /** The ids changed since the last `take` or `watch`; undefined: read everything again. */
  take(sessionId: string): string[] | undefined {
    const ids = this.sessions.get(sessionId);
    if (!ids) return undefined;
    this.sessions.set(sessionId, new Set());
    return [...ids];
  }

  noteChanged(sessionId: string | undefined, id: string): void {
    if (sessionId === undefined) return; // in no session
    const ids = this.sessions.get(sessionId);
    if (!ids) return;
    ids.add(id);
    if (ids.size > IDS_KEPT) this.sessions.delete(sessionId);
  }

  /** One observation was deleted; which session it was of is not known, so every one hears of it. */
  noteDeleted(id: string): void {
    for (const sessionId of [...this.sessions.keys()]) this.noteChanged(sessionId, id);
  }

  /** What was logged for the session (or for all) no longer tells the whole change. */
  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  forgetAll(): void {
    this.sessions.clear();
  }
}
