import { buildReport, siteAttribution, type AttributionSources, type PolicyInUse } from '../audit/build-report';
import { UndisclosedTally } from '../audit/undisclosed-tally';
import type { Observation } from '../model/observation';
import type { PolicyStore } from '../store/policy-store';
import type { VerdictStore } from '../store/verdict-store';
import type { PolicyStatus, SiteReport } from './messages';
import { bundledPolicies, resolvePolicy, savedPolicyEntry, type PolicyEntry, type PolicyResolution } from './policy-catalog';
import { sessionObservations, type SessionStarts } from './session-starts';

export interface SiteReportDeps {
  observations: {
    bySession(sessionId: string): Promise<Observation[]>;
    /** Changes whenever bySession's answer may have; without it nothing is kept between calls. */
    revisionOf?(sessionId: string): string;
    /** Reports of the session's pages left out (the pages flooded the record), per page URL. */
    cappedByPage?(sessionId: string): Promise<Record<string, number>>;
    /**
     * With `get`: which observations of a session changed since last asked (lib/store/change-log.ts),
     * so that the badge's count follows the changes instead of judging the whole session again.
     */
    changes?: { watch(sessionId: string): void; take(sessionId: string): string[] | undefined; forget(sessionId: string): void };
    get?(id: string): Promise<Observation | undefined>;
  };
  verdicts: Pick<VerdictStore, 'forSite'>;
  policies: Pick<PolicyStore, 'all' | 'choiceFor'>;
  sessions: Pick<SessionStarts, 'startOf'>;
  tool: { name: string; version: string };
  /** Attribution sources as the user's settings choose them (trackerdb only when switched on). */
  sources(): Promise<AttributionSources>;
  clock?: () => number;
  /** Observations the kept reports may hold together (default KEPT_OBSERVATIONS). */
  keptObservations?: number;
}

function policyStatus(resolution: PolicyResolution): PolicyStatus {
  switch (resolution.state) {
    case 'chosen':
    case 'matched': {
      const { entry } = resolution;
      return {
        state: resolution.state,
        key: entry.key,
        origin: entry.origin,
        file: entry.file,
        title: entry.policy.source.title,
        siteName: entry.policy.site.name,
        sourceUrl: entry.policy.source.url,
      };
    }
    case 'chosen-unavailable':
      return { state: resolution.state, key: resolution.key, ...(resolution.error ? { error: resolution.error } : {}) };
    default:
      return { state: resolution.state };
  }
}

/** Sites whose last report is kept: the ones a user switches between. */
const KEPT_REPORTS = 4;

/**
 * What the kept reports may hold together: a report keeps every observation of its session, and
 * one of 100,000 is 40 MB of the worker's heap. The newest report is kept whatever its size (a
 * session holds at most 100,000, see lib/store/store-limits.ts); older ones go first.
 */
const KEPT_OBSERVATIONS = 100_000;

interface KeptReport {
  key: string;
  built: Promise<SiteReport>;
  /** How many observations the report holds, once built. */
  observations?: number;
}

/**
 * Builds site reports from the stores; the background's only audit entry point. The last report of
 * each recent site is kept until its observations change or `changed()` is called (a verdict,
 * policy, session or setting), so reopening the popup or the report page costs no rebuild.
 */
export class SiteReports {
  private readonly clock: () => number;
  private generation = 0;
  private readonly kept = new Map<string, KeptReport>();
  /** The badge counts of recent sites, kept up to date change by change (undefined: no policy judges the site). */
  private readonly tallies = new Map<string, { generation: number; sessionStart?: number; tally?: UndisclosedTally }>();
  /** One count at a time: two tabs of a site must not both rebuild its tally, or take each other's changes. */
  private tallying: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SiteReportDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  async policyEntries(): Promise<PolicyEntry[]> {
    return [...(await this.deps.policies.all()).map(savedPolicyEntry), ...bundledPolicies()];
  }

  private async inputs(site: string) {
    const [stored, sessionStart, entries, choice, capped] = await Promise.all([
      this.deps.observations.bySession(site),
      this.deps.sessions.startOf(site),
      this.policyEntries(),
      this.deps.policies.choiceFor(site),
      this.deps.observations.cappedByPage?.(site),
    ]);
    return {
      capped,
      observations: sessionObservations(stored, site, sessionStart),
      sessionStart,
      resolution: resolvePolicy(site, entries, choice),
    };
  }

  /** Something besides the observations changed: every kept report is stale. */
  changed(): void {
    this.generation += 1;
    this.kept.clear();
    this.tallies.clear();
  }

  private keyOf(site: string): string | undefined {
    const revision = this.deps.observations.revisionOf?.(site);
    return revision === undefined ? undefined : `${this.generation}/${revision}`;
  }

  build(site: string): Promise<SiteReport> {
    const key = this.keyOf(site);
    if (key === undefined) return this.buildFresh(site);
    const kept = this.kept.get(site);
    if (kept?.key === key) return kept.built;
    const built = this.buildFresh(site);
    const entry: KeptReport = { key, built };
    this.kept.delete(site);
    this.kept.set(site, entry);
    // The report now answers the badge; its tally would hold the session a second time.
    if (this.tallies.delete(site)) this.deps.observations.changes?.forget(site);
    if (this.kept.size > KEPT_REPORTS) this.kept.delete(this.kept.keys().next().value!);
    built.then(
      ({ report }) => {
        entry.observations = report.observations.length;
        this.keepWithinBudget();
      },
      // A failed build is not kept: the next call tries again.
      () => {
        if (this.kept.get(site) === entry) this.kept.delete(site);
      },
    );
    return built;
  }

  /** Drops the least recently built reports until what the kept ones hold fits the budget. */
  private keepWithinBudget(): void {
    const budget = this.deps.keptObservations ?? KEPT_OBSERVATIONS;
    let total = 0;
    for (const entry of this.kept.values()) total += entry.observations ?? 0;
    for (const [site, entry] of this.kept) {
      if (total <= budget || this.kept.size === 1) break;
      this.kept.delete(site);
      total -= entry.observations ?? 0;
    }
  }

  private async buildFresh(site: string): Promise<SiteReport> {
    const { observations, sessionStart, resolution, capped } = await this.inputs(site);
    const [reviews, sources] = await Promise.all([this.deps.verdicts.forSite(site), this.deps.sources()]);
    const policy = policyInUse(resolution);
    const now = this.clock();
    const report = buildReport({
      tool: this.deps.tool,
      startedAt: sessionStart ?? observations[0]?.time ?? now,
      finishedAt: now,
      observations,
      ...(capped ? { capped } : {}),
      ...(policy ? { policy } : {}),
      sources,
      reviews,
    });
    return { site, report, policy: policyStatus(resolution), ...(sessionStart === undefined ? {} : { sessionStart }) };
  }

  /**
   * The badge number: undisclosed findings of the site session. From the kept report when it is
   * current; else from the site's tally (no reviews, no validation: the badge is recounted while a
   * page is still loading, and a whole report each time would cost browsing most).
   */
  async undisclosedCount(site: string): Promise<number> {
    const key = this.keyOf(site);
    const kept = key === undefined ? undefined : this.kept.get(site);
    if (kept && kept.key === key) {
      const { report } = await kept.built;
      return report.policy ? report.findings.filter((f) => f.status === 'undisclosed').length : 0;
    }
    // Out of date, and never used again (build makes a new one): not worth its memory.
    if (kept) this.kept.delete(site);
    const counted = this.tallying.then(() => this.tallied(site));
    this.tallying = counted.catch(() => undefined);
    return counted;
  }

  /**
   * The badge count from the site's tally: built from the whole session once, then from what
   * changed. Observations that say nothing of their changes (no `changes` and `get`) start it over.
   */
  private async tallied(site: string): Promise<number> {
    const observations = this.deps.observations;
    const entry = this.tallies.get(site);
    const changed = entry?.generation === this.generation && observations.get ? observations.changes?.take(site) : undefined;
    if (!entry || !changed) return this.newTally(site);
    const { tally, sessionStart } = entry;
    if (!tally) return 0;
    const found = await Promise.all(changed.map((id) => observations.get!(id)));
    changed.forEach((id, i) => {
      const observation = found[i];
      // Gone, or before a new session started: no longer counted.
      if (observation && sessionObservations([observation], site, sessionStart).length) tally.put([observation]);
      else tally.remove(id);
    });
    return tally.count();
  }

  private async newTally(site: string): Promise<number> {
    const generation = this.generation;
    const changes = this.deps.observations.changes;
    // Watched before the session is read: what changes meanwhile is read again, and counted once.
    changes?.watch(site);
    const { observations, resolution, sessionStart } = await this.inputs(site);
    const policy = policyInUse(resolution);
    // The site's own pages make its first party, as the pages of its observations do in judgeSite.
    const pages = [{ url: `https://${site}/`, finalUrl: `https://${site}/` }];
    const tally = policy && new UndisclosedTally(policy.policy, siteAttribution({ observations, pages, policy, sources: await this.deps.sources() }));
    tally?.put(observations);
    this.tallies.delete(site);
    this.tallies.set(site, { generation, ...(sessionStart === undefined ? {} : { sessionStart }), ...(tally ? { tally } : {}) });
    if (this.tallies.size > KEPT_REPORTS) {
      const oldest = this.tallies.keys().next().value!;
      this.tallies.delete(oldest);
      changes?.forget(oldest);
    }
    return tally?.count() ?? 0;
  }
}

function policyInUse(resolution: PolicyResolution): PolicyInUse | undefined {
  if (resolution.state !== 'chosen' && resolution.state !== 'matched') return undefined;
  return { policy: resolution.entry.policy, file: resolution.entry.file };
}
