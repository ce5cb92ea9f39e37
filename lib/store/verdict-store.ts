import { subjectKeyOf } from '../audit/reviews';
import { ReviewVerdict } from '../model/finding';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';

/**
 * A reviewer's judgement of one finding, kept across audits per site (see KeptReview for why it
 * is keyed by party and status). The verdicts are the Finding schema's, so exports validate them.
 */
export const VerdictRecord = z.object({
  /** Registrable domain of the audited site. */
  site: z.string().min(1),
  status: z.string().min(1),
  /** The finding's subject as shown; `subjectKey` is what matches. */
  subject: z.string().min(1),
  subjectKey: z.string().min(1),
  verdict: ReviewVerdict.optional(),
  comment: z.string().max(10_000).default(''),
  /** Milliseconds since the epoch. */
  updatedAt: z.number(),
});
export type VerdictRecord = z.infer<typeof VerdictRecord>;

interface VerdictDb extends DBSchema {
  verdicts: {
    key: [string, string, string];
    value: VerdictRecord;
    indexes: { bySite: string };
  };
}

/** Its own database, so its schema versions apart from the observation store's. */
export const VERDICT_DB_NAME = 'policy-tracker-auditor-verdicts';
const DB_VERSION = 1;

export class VerdictStore {
  private readonly dbPromise: Promise<IDBPDatabase<VerdictDb>>;

  constructor(dbName = VERDICT_DB_NAME) {
    this.dbPromise = openDB<VerdictDb>(dbName, DB_VERSION, {
      upgrade(db) {
        const verdicts = db.createObjectStore('verdicts', { keyPath: ['site', 'status', 'subjectKey'] });
        verdicts.createIndex('bySite', 'site');
      },
    });
  }

  /**
   * Saves the verdict and comment for a finding; with neither, forgets it, so clearing a verdict
   * in the popup leaves no empty record behind to show up in exports.
   */
  async save(input: { site: string; status: string; subject: string; verdict?: ReviewVerdict; comment?: string }, now: number): Promise<VerdictRecord | undefined> {
    const comment = (input.comment ?? '').trim();
    const key: [string, string, string] = [input.site, input.status, subjectKeyOf(input.subject)];
    const db = await this.dbPromise;
    if (!input.verdict && !comment) {
      await db.delete('verdicts', key);
      return undefined;
    }
    const record = VerdictRecord.parse({
      site: input.site,
      status: input.status,
      subject: input.subject,
      subjectKey: key[2],
      ...(input.verdict ? { verdict: input.verdict } : {}),
      comment,
      updatedAt: now,
    });
    await db.put('verdicts', record);
    return record;
  }

  async forSite(site: string): Promise<VerdictRecord[]> {
    return (await this.dbPromise).getAllFromIndex('verdicts', 'bySite', site);
  }

  async close(): Promise<void> {
    (await this.dbPromise).close();
  }
}
