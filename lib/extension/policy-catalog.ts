import { parsePolicy } from '../policy/parse';
import type { Policy } from '../policy/schema';
import { policyCoversHost } from '../policy/site';
import { NO_POLICY, type SavedPolicy, type SitePolicyChoice } from '../store/policy-store';

/**
 * Every policy the extension knows, and which one judges a site. Pure apart from the bundled
 * files, which Vite inlines at build time (no fetch, no file system).
 */
export type PolicyOrigin = 'bundled' | 'imported' | 'draft';

export interface PolicyEntry {
  /** `bundled:<id>` or `saved:<id>`: what a site choice points at. */
  key: string;
  origin: PolicyOrigin;
  file: string;
  /** Absent when the file no longer validates; `error` says why, in one line. */
  policy?: Policy;
  error?: string;
}

const BUNDLED_JSON = import.meta.glob('../../policy/*.policy.json', { eager: true, import: 'default' }) as Record<
  string,
  unknown
>;

/** Bundled policies in file-name order. Their quotes were checked against the policy text in CI, not here. */
export function bundledPolicies(files: Record<string, unknown> = BUNDLED_JSON): PolicyEntry[] {
  return Object.entries(files)
    .map(([path, json]) => ({ file: path.replace(/^(\.\.\/)+/, ''), json }))
    .sort((a, b) => (a.file < b.file ? -1 : 1))
    .map(({ file, json }) => {
      const id = file.replace(/^.*\//, '').replace(/\.policy\.json$/, '');
      return { key: `bundled:${id}`, origin: 'bundled' as const, ...validated(json, file) };
    });
}

export function savedPolicyEntry(saved: SavedPolicy): PolicyEntry {
  return { key: saved.key, origin: saved.origin, ...validated(saved.json, saved.file) };
}

function validated(json: unknown, file: string): { file: string; policy?: Policy; error?: string } {
  try {
    return { file, policy: parsePolicy(json, file) };
  } catch (error) {
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}

export type PolicyResolution =
  /** The reviewer picked this policy for the site in the options page. */
  | { state: 'chosen'; entry: PolicyEntry & { policy: Policy } }
  /** The policy's first-party domains include the site. */
  | { state: 'matched'; entry: PolicyEntry & { policy: Policy } }
  /** The reviewer chose to audit the site without a policy. */
  | { state: 'none-chosen' }
  /** No policy names the site as its own. */
  | { state: 'no-match' }
  /** The chosen policy was deleted or no longer validates; audited without one until fixed. */
  | { state: 'chosen-unavailable'; key: string; error?: string };

/**
 * The policy that judges `site`: the reviewer's choice, else the first policy that is the site's
 * own. Imported policies come before bundled ones, so importing a corrected copy of a bundled
 * policy takes effect without also having to pick it. Drafts are never matched automatically: a
 * half-written draft must not silently replace a finished policy; the reviewer picks it.
 */
export function resolvePolicy(
  site: string,
  entries: readonly PolicyEntry[],
  choice?: SitePolicyChoice,
): PolicyResolution {
  if (choice?.policyKey === NO_POLICY) return { state: 'none-chosen' };
  if (choice) {
    const entry = entries.find((e) => e.key === choice.policyKey);
    if (entry?.policy) return { state: 'chosen', entry: entry as PolicyEntry & { policy: Policy } };
    return { state: 'chosen-unavailable', key: choice.policyKey, ...(entry?.error ? { error: entry.error } : {}) };
  }
  const ordered = [...entries.filter((e) => e.origin === 'imported'), ...entries.filter((e) => e.origin === 'bundled')];
  const entry = ordered.find((e) => e.policy && policyCoversHost(e.policy, site));
  return entry ? { state: 'matched', entry: entry as PolicyEntry & { policy: Policy } } : { state: 'no-match' };
}
