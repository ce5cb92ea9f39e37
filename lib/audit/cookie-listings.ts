import type { Attribution } from '../classify/attribution';
import type { CookieLifetimeExcess, ListedCookie } from '../model/finding';
import type { Observation } from '../model/observation';
import { cookieNameMatches } from '../policy/cookie-name';
import type { DeclaredCookie, Declaration, Policy } from '../policy/schema';
import { partyClauses } from './party-clauses';

/**
 * Cookies a policy lists by name (cookie tables): which listing an observed cookie is, for its
 * party, and whether it lives longer than the listing says. Pure, like the rest of lib/audit.
 */

/** Whose cookie it is, as the audit attributed it (a script-written cookie is its writer's). */
export type CookieOwner = { party: 'first' } | { party: 'third'; host: string; attribution: Attribution };

export interface CookieListing {
  /** disclosed: a clause naming the party lists it; disclosed-by-category: one describing its kind. */
  status: 'disclosed' | 'disclosed-by-category' | 'first-party';
  /** The listing clauses, in policy order. */
  clauseIds: string[];
  listed: ListedCookie[];
  /** Set when the cookie outlives every listing that declares a lifetime. */
  excess?: CookieLifetimeExcess;
}

/** The longer of these is allowed beyond a declared lifetime: clocks, rounding and "about a year". */
const TOLERANCE_SHARE = 0.1;
const TOLERANCE_MIN_SECONDS = 86_400;

/**
 * Whether a cookie set to live `observedSeconds` (null: a session cookie) outlives a declared
 * lifetime (null: "Session"), beyond the tolerance. A cookie set already expired is a deletion.
 */
export function outlivesDeclaredLifetime(observedSeconds: number | null, declaredSeconds: number | null): boolean {
  if (observedSeconds === null || observedSeconds <= 0) return false;
  const declared = declaredSeconds ?? 0;
  return observedSeconds > declared + Math.max(declared * TOLERANCE_SHARE, TOLERANCE_MIN_SECONDS);
}

/** How the policy lists an observed cookie for its owner, or undefined when no listing names it. */
export function listingOf(policy: Policy, observation: Observation, owner: CookieOwner): CookieListing | undefined {
  const name = observation.name;
  if (observation.kind !== 'cookie' || !name) return undefined;
  const listing = (status: CookieListing['status'], declarations: readonly Declaration[]) =>
    listingIn(declarations, name, status, observation.cookie?.lifetimeSeconds);
  if (owner.party === 'first') return listing('first-party', policy.declarations.filter((d) => d.appliesTo !== 'third-party'));
  const { naming, describing } = partyClauses(policy, owner.host, owner.attribution);
  return listing('disclosed', naming) ?? listing('disclosed-by-category', describing);
}

function listingIn(
  declarations: readonly Declaration[],
  name: string,
  status: CookieListing['status'],
  lifetimeSeconds: number | null | undefined,
): CookieListing | undefined {
  const matches = declarations.flatMap((d) =>
    (d.cookies ?? []).filter((c) => cookieNameMatches(c.name, name)).map((cookie) => ({ cookie, clauseId: d.id })),
  );
  if (matches.length === 0) return undefined;
  const excess = lifetimeSeconds === undefined ? undefined : excessOver(matches, name, lifetimeSeconds);
  return {
    status,
    clauseIds: [...new Set(matches.map((m) => m.clauseId))],
    listed: matches.map(({ cookie, clauseId }) => ({ name, listedAs: cookie.name, clauseId })),
    ...(excess && { excess }),
  };
}

/** The excess over the most generous listing that declares a lifetime, if the cookie outlives them all. */
function excessOver(
  matches: readonly { cookie: DeclaredCookie; clauseId: string }[],
  name: string,
  observedSeconds: number | null,
): CookieLifetimeExcess | undefined {
  const declaring = matches.filter((m) => m.cookie.lifetime?.maxAgeSeconds !== undefined);
  if (declaring.length === 0 || observedSeconds === null) return undefined;
  if (!declaring.every((m) => outlivesDeclaredLifetime(observedSeconds, m.cookie.lifetime!.maxAgeSeconds!))) return undefined;
  const longest = declaring.reduce((a, b) => ((b.cookie.lifetime!.maxAgeSeconds ?? 0) > (a.cookie.lifetime!.maxAgeSeconds ?? 0) ? b : a));
  const lifetime = longest.cookie.lifetime!;
  return {
    name,
    observedSeconds,
    declaredSeconds: lifetime.maxAgeSeconds ?? null,
    declaredText: lifetime.lifetimeText,
    clauseId: longest.clauseId,
  };
}

export interface UnobservedCookie {
  name: string;
  declarationId: string;
  provider?: string;
}

/** Listed cookies that no observed cookie was matched to, in policy order. */
export function unobservedCookies(policy: Policy | undefined, listed: Iterable<ListedCookie>): UnobservedCookie[] {
  if (!policy) return [];
  const seen = new Set([...listed].map((l) => `${l.clauseId}\n${l.listedAs}`));
  return policy.declarations.flatMap((d) =>
    (d.cookies ?? [])
      .filter((c) => !seen.has(`${d.id}\n${c.name}`))
      .map((c) => {
        const provider = c.provider ?? d.parties[0]?.name;
        return { name: c.name, declarationId: d.id, ...(provider && { provider }) };
      }),
  );
}
