import type { Observation } from '../model/observation';

/** How long a state that will soon be replaced is held back before it is written anyway. */
const HOLD_MS = 1_000;

/**
 * States of observations that a later state will soon replace: a request still in flight, whose
 * completion follows within milliseconds. Writing both doubled the database's work in a burst of
 * requests; a held state is written only if it is still the latest after HOLD_MS (a slow or
 * hanging request), or at once when the record is read. A worker stopped meanwhile loses the
 * held state, not the request: its completion arrives at the next worker with everything in it.
 */
export class HeldStates {
  private readonly held = new Map<string, { observation: Observation; at: number }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Takes the states that were held long enough. */
    private readonly release: (observations: Observation[]) => void,
    private readonly holdMs = HOLD_MS,
  ) {}

  hold(observation: Observation): void {
    // Deleted first so that the map stays in the order the states arrived (oldest first).
    this.held.delete(observation.id);
    this.held.set(observation.id, { observation, at: performance.now() });
    this.arm();
  }

  /** The id's state is no longer held (replaced by a settled one, or deleted). */
  drop(id: string): void {
    this.held.delete(id);
  }

  get(id: string): Observation | undefined {
    return this.held.get(id)?.observation;
  }

  /** Everything held, for a write that must not wait (the record is about to be read). */
  takeAll(): Observation[] {
    const all = [...this.held.values()].map((entry) => entry.observation);
    this.held.clear();
    return all;
  }

  private arm(): void {
    if (this.timer !== undefined || this.held.size === 0) return;
    const oldest = this.held.values().next().value!;
    this.timer = setTimeout(() => this.sweep(), Math.max(0, oldest.at + this.holdMs - performance.now()));
  }

  private sweep(): void {
    this.timer = undefined;
    const due: Observation[] = [];
    const now = performance.now();
    for (const [id, entry] of this.held) {
      if (now - entry.at < this.holdMs) break;
      due.push(entry.observation);
      this.held.delete(id);
    }
    if (due.length > 0) this.release(due);
    this.arm();
  }
}
