import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Policies the user imported or drafted in the options page, and which policy each site uses.
 * Policies are stored as the JSON the user gave (validated before saving) and validated again
 * when read: a policy saved by an older version must fail with a readable error, not break audits.
 */
export type SavedPolicyOrigin = 'imported' | 'draft';

export interface SavedPolicy {
  /** `saved:<policy id>`; saving a policy with the same id replaces the earlier one. */
  key: string;
  origin: SavedPolicyOrigin;
  /** The file name it was imported from, or `<id>.policy.json` for a draft. */
  file: string;
  json: unknown;
  /** The pasted policy text a draft's quotes were checked against, kept for the next edit. */
  sourceText?: string;
  savedAt: number;
}

/**
 * The policy a site uses: a policy key, or `none` to audit without a policy (every third party
 * unreviewed). No record means automatic: the first policy whose first-party domains match.
 */
export interface SitePolicyChoice {
  site: string;
  policyKey: string;
}

export const NO_POLICY = 'none';

interface PolicyDb extends DBSchema {
  policies: { key: string; value: SavedPolicy };
  siteChoices: { key: string; value: SitePolicyChoice };
}

/** Its own database, so its schema versions apart from the observation store's. */
export const POLICY_DB_NAME = 'policy-tracker-auditor-policies';
const DB_VERSION = 1;

export function savedPolicyKey(policyId: string): string {
  return `saved:${policyId}`;
}

export class PolicyStore {
  private readonly dbPromise: Promise<IDBPDatabase<PolicyDb>>;

  constructor(dbName = POLICY_DB_NAME) {
    this.dbPromise = openDB<PolicyDb>(dbName, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('policies', { keyPath: 'key' });
        db.createObjectStore('siteChoices', { keyPath: 'site' });
      },
    });
  }

  async save(policy: SavedPolicy): Promise<void> {
    await (await this.dbPromise).put('policies', policy);
  }

  async get(key: string): Promise<SavedPolicy | undefined> {
    return (await this.dbPromise).get('policies', key);
  }

  /** In key order, so lists and automatic matching do not depend on when things were saved. */
  async all(): Promise<SavedPolicy[]> {
    return (await this.dbPromise).getAll('policies');
  }

  /** Removes the policy and every site choice that pointed at it (those sites go back to automatic). */
  async delete(key: string): Promise<void> {
    const db = await this.dbPromise;
    const tx = db.transaction(['policies', 'siteChoices'], 'readwrite');
    await tx.objectStore('policies').delete(key);
    for (const choice of await tx.objectStore('siteChoices').getAll()) {
      if (choice.policyKey === key) await tx.objectStore('siteChoices').delete(choice.site);
    }
    await tx.done;
  }

  async choiceFor(site: string): Promise<SitePolicyChoice | undefined> {
    return (await this.dbPromise).get('siteChoices', site);
  }

  async choices(): Promise<SitePolicyChoice[]> {
    return (await this.dbPromise).getAll('siteChoices');
  }

  /** `undefined` goes back to automatic matching. */
  async choose(site: string, policyKey: string | undefined): Promise<void> {
    const db = await this.dbPromise;
    if (policyKey === undefined) await db.delete('siteChoices', site);
    else await db.put('siteChoices', { site, policyKey });
  }

  async close(): Promise<void> {
    (await this.dbPromise).close();
  }
}
