import { join, relative, isAbsolute } from 'node:path';
import { audit, type AuditResult } from '../audit/audit';
import type { AttributeHost } from '../audit/attribution';
import { createClassifier } from '../classify/index';
import { loadTrackerDbForNode } from '../classify/trackerdb-node';
import type { Report } from '../export/report';
import type { Observation } from '../observe/observation';
import { findPolicyForSite, loadPolicy, PolicyError } from '../policy/loader';
import type { Policy } from '../policy/schema';
import { UserError } from './errors';

/** The policy a run is judged against, and where it came from. */
export interface ChosenPolicy {
  policy: Policy;
  /** As the user gave it, or relative to the working directory when found in policy/. */
  file: string;
}

/**
 * `--policy <file>`, else the policy in `<root>/policy/` whose first-party domains include the
 * site's; undefined when none does (findings stay unreviewed). A broken policy file is a UserError
 * whose one line names the file, the field and the problem.
 */
export async function choosePolicy(explicit: string | undefined, siteUrl: string, root: string): Promise<ChosenPolicy | undefined> {
  try {
    if (explicit !== undefined) return { policy: await loadPolicy(explicit, { repoRoot: root }), file: explicit };
    const found = await findPolicyForSite(new URL(siteUrl).hostname, join(root, 'policy'), { repoRoot: root });
    return found && { policy: found.policy, file: displayPath(found.file) };
  } catch (error) {
    if (error instanceof PolicyError) throw new UserError(error.message);
    throw error;
  }
}

export interface Judge {
  chosen?: ChosenPolicy;
  attribute: AttributeHost;
  /** Whether trackerdb was one of the attribution sources. */
  trackerDb: boolean;
}

/**
 * The classifier the audit asks "who is this host?": the policy's own party domains first, then
 * the built-in map, then trackerdb unless --no-trackerdb or AUDITOR_TRACKERDB=off leaves it out.
 */
export async function prepareJudge(
  chosen: ChosenPolicy | undefined,
  siteUrls: readonly string[],
  useTrackerDb: boolean,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Judge> {
  const trackerDb = useTrackerDb ? await loadTrackerDbForNode(env) : false;
  const policyParties = chosen?.policy.declarations.flatMap((d) =>
    d.parties.map((p) => ({ name: p.name, organization: p.organization, domains: p.domains ?? [] })),
  );
  const classifier = createClassifier({
    siteDomains: chosen?.policy.site.firstPartyDomains ?? siteUrls.map((url) => new URL(url).hostname),
    policyParties,
    trackerDb,
  });
  return { chosen, attribute: (host) => classifier.classify(host), trackerDb: trackerDb !== false };
}

/** The report fields that come from judging: findings, and the policy they were judged against. */
export function judgeObservations(
  observations: readonly Observation[],
  judge: Judge,
): Pick<Report, 'findings' | 'policy' | 'declarations' | 'unmatchedDeclarations'> {
  const { policy, file } = judge.chosen ?? {};
  const result: AuditResult = audit({ observations, policy, attribute: judge.attribute });
  if (!policy) return { findings: result.findings };
  return {
    findings: result.findings,
    policy: { id: policy.id, file, title: policy.source.title },
    declarations: policy.declarations,
    unmatchedDeclarations: result.unmatchedDeclarations,
  };
}

function displayPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}
