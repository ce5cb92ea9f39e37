import { dirname, join, relative, isAbsolute } from 'node:path';
import type { AttributionSources, PolicyInUse } from '../audit/build-report';
import { loadTrackerDbForNode } from '../classify/trackerdb-node';
import { findPolicyForSite, loadPolicy, PolicyError } from '../policy/loader';
import { UserError } from './errors';

/** The policy a run is judged against; `file` as the user gave it, or relative to the working directory. */
export type ChosenPolicy = Required<Omit<PolicyInUse, 'discovered'>>;

/**
 * `--policy <file>`, else the first policy in `dirs` (default `<root>/policy/`) whose first-party
 * domains include the site's; undefined when none does (findings stay unreviewed). A broken policy
 * file is a UserError whose one line names the file, the field and the problem.
 */
export async function choosePolicy(
  explicit: string | undefined,
  siteUrl: string,
  root: string,
  dirs: readonly string[] = [join(root, 'policy')],
): Promise<ChosenPolicy | undefined> {
  try {
    if (explicit !== undefined) return { policy: await loadPolicy(explicit, { repoRoot: root }), file: explicit };
    for (const dir of dirs) {
      // A policy's source.textFile is written relative to the repository that holds its policy/ folder.
      const found = await findPolicyForSite(new URL(siteUrl).hostname, dir, { repoRoot: dirname(dir) });
      if (found) return { policy: found.policy, file: displayPath(found.file) };
    }
    return undefined;
  } catch (error) {
    if (error instanceof PolicyError) throw new UserError(error.message);
    throw error;
  }
}

/**
 * The attribution sources of a CLI run besides the policy and the built-in map: trackerdb unless
 * --no-trackerdb or AUDITOR_TRACKERDB=off leaves it out.
 */
export async function loadAttributionSources(
  useTrackerDb: boolean,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<AttributionSources> {
  return { trackerDb: useTrackerDb ? await loadTrackerDbForNode(env) : false };
}

function displayPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}
