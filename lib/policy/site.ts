import { isFirstParty } from '../classify/domain';
import type { Policy } from './schema';

/** Pure: whether the policy is the site's own policy for pages on `host` (same registrable domain). */
export function policyCoversHost(policy: Policy, host: string): boolean {
  return isFirstParty(host, policy.site.firstPartyDomains);
}

/** The first policy, in the order given, that belongs to the site serving `host`. */
export function policyForHost<T extends { policy: Policy }>(host: string, candidates: readonly T[]): T | undefined {
  return candidates.find((c) => policyCoversHost(c.policy, host));
}
