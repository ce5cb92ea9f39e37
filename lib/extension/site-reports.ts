import { buildReport, judgeSite, type AttributionSources, type PolicyInUse } from '../audit/build-report';
import type { Observation } from '../model/observation';
import type { PolicyStore } from '../store/policy-store';
import type { VerdictStore } from '../store/verdict-store';
import type { PolicyStatus, SiteReport } from './messages';
import { bundledPolicies, resolvePolicy, savedPolicyEntry, type PolicyEntry, type PolicyResolution } from './policy-catalog';
import { sessionObservations, type SessionStarts } from './session-starts';

export interface SiteReportDeps {
  observations: { bySession(sessionId: string): Promise<Observation[]> };
  verdicts: Pick<VerdictStore, 'forSite'>;
  policies: Pick<PolicyStore, 'all' | 'choiceFor'>;
  sessions: Pick<SessionStarts, 'startOf'>;
  tool: { name: string; version: string };
  /** Attribution sources as the user's settings choose them (trackerdb only when switched on). */
  sources(): Promise<AttributionSources>;
  clock?: () => number;
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

/** Builds site reports from the stores; the background's only audit entry point. */
export class SiteReports {
  private readonly clock: () => number;

  constructor(private readonly deps: SiteReportDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  async policyEntries(): Promise<PolicyEntry[]> {
    return [...(await this.deps.policies.all()).map(savedPolicyEntry), ...bundledPolicies()];
  }

  private async inputs(site: string) {
    const [stored, sessionStart, entries, choice] = await Promise.all([
      this.deps.observations.bySession(site),
      this.deps.sessions.startOf(site),
      this.policyEntries(),
      this.deps.policies.choiceFor(site),
    ]);
    return {
      observations: sessionObservations(stored, site, sessionStart),
      sessionStart,
      resolution: resolvePolicy(site, entries, choice),
    };
  }

  async build(site: string): Promise<SiteReport> {
    const { observations, sessionStart, resolution } = await this.inputs(site);
    const [reviews, sources] = await Promise.all([this.deps.verdicts.forSite(site), this.deps.sources()]);
    const policy = policyInUse(resolution);
    const now = this.clock();
    const report = buildReport({
      tool: this.deps.tool,
      startedAt: sessionStart ?? observations[0]?.time ?? now,
      finishedAt: now,
      observations,
      ...(policy ? { policy } : {}),
      sources,
      reviews,
    });
    return { site, report, policy: policyStatus(resolution), ...(sessionStart === undefined ? {} : { sessionStart }) };
  }

  /** The badge number: undisclosed findings of the site session. Skips verdicts and validation. */
  async undisclosedCount(site: string): Promise<number> {
    const { observations, resolution } = await this.inputs(site);
    const policy = policyInUse(resolution);
    if (!policy) return 0;
    const { findings } = judgeSite({ observations, policy, sources: await this.deps.sources() });
    return findings.filter((f) => f.status === 'undisclosed').length;
  }
}

function policyInUse(resolution: PolicyResolution): PolicyInUse | undefined {
  if (resolution.state !== 'chosen' && resolution.state !== 'matched') return undefined;
  return { policy: resolution.entry.policy, file: resolution.entry.file };
}
