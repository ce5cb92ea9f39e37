import type { Observation } from '../model/observation';
import { mergeSightings } from './cookies';

interface Store {
  get(id: string): Promise<Observation | undefined>;
  add(observation: Observation): void;
}

/**
 * Writes sightings that must become one observation (a cookie seen by its Set-Cookie header, by the
 * page hook and by the cookies API). Sightings of one id are merged one after another, so two that
 * arrive together cannot overwrite each other.
 */
export class MergingSink {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(private readonly store: Store) {}

  add(observation: Observation): Promise<void> {
    const previous = this.chains.get(observation.id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const existing = await this.store.get(observation.id);
      this.store.add(existing ? mergeSightings(existing, observation) : observation);
    });
    const settled = next.catch(() => undefined);
    this.chains.set(observation.id, settled);
    void settled.then(() => {
      if (this.chains.get(observation.id) === settled) this.chains.delete(observation.id);
    });
    return next;
  }

  /** Resolves once every sighting of `id` added so far is written (or failed). */
  settled(id: string): Promise<void> {
    return this.chains.get(id) ?? Promise.resolve();
  }
}
