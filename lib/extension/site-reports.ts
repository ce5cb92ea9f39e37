import { audit } from '../audit/audit';
import type { Report } from '../export/report';
import type { Observation } from '../observe/observation';
import type { PolicyStore } from '../store/policy-store';
import type { VerdictStore } from '../store/verdict-store';
import { attributionFor, composeSiteReport } from './compose-report';
import { bundledPolicies, resolvePolicy, savedPolicyEntry, type PolicyEntry, type PolicyOrigin, type PolicyResolution } from './policy-catalog';
import { sessionObservations, type SessionStarts } from './session-starts';

/** What the popup and report page show about the policy in use; a plain object for messaging. */
export interface PolicyStatus {
  state: PolicyResolution['state'];
  key?: string;
  origin?: PolicyOrigin;
  file?: string;
  title?: string;
  siteName?: string;
  error?: string;
}

export interface SiteReport {
  /** Registrable domain: the site session's key. */
  site: string;
  report: Report;
  policy: PolicyStatus;
  sessionStart?: number;
}

export interface SiteReportDeps {
  observations: { bySession(sessionId: string): Promise<Observation[]> };
  verdicts: Pick<VerdictStore, 'forSite'>;
  policies: Pick<PolicyStore, 'all' | 'choiceFor'>;
  sessions: Pick<SessionStarts, 'startOf'>;
  tool: { name: string; version: string };
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
    const verdicts = await this.deps.verdicts.forSite(site);
    const policy = resolution.state === 'chosen' || resolution.state === 'matched' ? resolution.entry : undefined;
    const report = composeSiteReport({
      site,
      observations,
      ...(policy ? { policy } : {}),
      verdicts,
      tool: this.deps.tool,
      now: this.clock(),
      ...(sessionStart === undefined ? {} : { sessionStart }),
    });
    return { site, report, policy: policyStatus(resolution), ...(sessionStart === undefined ? {} : { sessionStart }) };
  }

  /** The badge number: undisclosed findings of the site session. Skips verdicts and validation. */
  async undisclosedCount(site: string): Promise<number> {
    const { observations, resolution } = await this.inputs(site);
    if (resolution.state !== 'chosen' && resolution.state !== 'matched') return 0;
    const policy = resolution.entry.policy;
    const { findings } = audit({ observations, policy, attribute: attributionFor(site, policy) });
    return findings.filter((f) => f.status === 'undisclosed').length;
  }
}
