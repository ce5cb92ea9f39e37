import type { FindingStatus } from '../model/finding';
import { statusRank } from '../model/order';
import type { Observation } from '../model/observation';
import type { Policy } from '../policy/schema';
import type { AttributeHost } from './attribution';
import { placementOf } from './placement';

/**
 * How many findings of a site are undisclosed, kept up to date observation by observation: the
 * toolbar badge's number without judging the whole session again on every change. Each
 * observation counts where `audit` would put it (placementOf), so the two always agree; a finding's
 * status is the worst its observations bring, so each finding keeps how many bring each status.
 */
export class UndisclosedTally {
  private readonly placed = new Map<string, { group: string; status: FindingStatus }>();
  private readonly groups = new Map<string, Map<FindingStatus, number>>();

  constructor(
    private readonly policy: Policy,
    private readonly attribute: AttributeHost,
  ) {}

  /** Counts observations; one with the id of an earlier one replaces it (a request that ended). */
  put(observations: readonly Observation[]): void {
    for (const observation of observations) {
      this.remove(observation.id);
      const placement = placementOf(observation, this.policy, this.attribute);
      this.placed.set(observation.id, placement);
      const statuses = this.groups.get(placement.group) ?? new Map<FindingStatus, number>();
      statuses.set(placement.status, (statuses.get(placement.status) ?? 0) + 1);
      this.groups.set(placement.group, statuses);
    }
  }

  /** Stops counting an observation (deleted, or no longer in the session). */
  remove(id: string): void {
    const known = this.placed.get(id);
    if (!known) return;
    this.placed.delete(id);
    const statuses = this.groups.get(known.group)!;
    const left = statuses.get(known.status)! - 1;
    if (left > 0) statuses.set(known.status, left);
    else statuses.delete(known.status);
    if (statuses.size === 0) this.groups.delete(known.group);
  }

  /** Findings whose status is `undisclosed`: one per party, however many observations it has. */
  count(): number {
    let undisclosed = 0;
    for (const statuses of this.groups.values()) if (worst(statuses) === 'undisclosed') undisclosed += 1;
    return undisclosed;
  }
}

function worst(statuses: ReadonlyMap<FindingStatus, number>): FindingStatus | undefined {
  let found: FindingStatus | undefined;
  for (const status of statuses.keys()) if (found === undefined || statusRank(status) < statusRank(found)) found = status;
  return found;
}
