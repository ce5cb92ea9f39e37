import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildReport, type PolicyInUse } from '../audit/build-report';
import { parseReportEvidence, ReportFieldError, type DiscoveredPolicy, type PageVisit, type ReportEvidence, type RunSettings } from '../model/report';
import type { Observation } from '../model/observation';
import { namespaceIds } from './namespace-ids';
import { copyShardEvidence } from './merge-evidence';
import { firstLine, UserError } from './errors';
import { EXIT_CODES, outcomeOf } from './gate';
import { choosePolicy, loadAttributionSources } from './policy-choice';
import { DRAFT_FILE } from './discovery-result';
import type { PolicyInput } from '../policy/schema';
import type { MergeOptions } from './merge-args';
import { deliverReport } from './outputs';
import { PROJECT_ROOT } from './project';
import type { CliIo } from './run-audit';

/**
 * `npm run audit -- merge <report.json...> --out <dir>`: shard reports of one crawl (`--shard i/n`
 * on several machines) become one report, as if a single run had audited every page. The
 * observations are judged again, together, so findings group across shards exactly as they
 * would have in one run.
 */
export async function runMergeCommand(options: MergeOptions, io: CliIo): Promise<number> {
  try {
    const { outDir, formats, failOn } = options;
    const shards = orderByShard(await Promise.all(options.reports.map(readReport)));
    const chosen = await policyOfShards(shards, options.policy);
    const useTrackerDb = options.trackerDb && shards.every(({ report }) => report.settings?.trackerDb !== false);
    const perShard: PageVisit[][] = [];
    const used = new Set<string>();
    for (const [position, { file, report }] of shards.entries()) {
      perShard.push(await copyShardEvidence(report.pages, { reportFile: file, prefix: shardPrefix(report, position) }, outDir, used, io.log));
    }
    const pages = interleavePages(perShard, shards[0]!.report.settings);
    const sources = await loadAttributionSources(useTrackerDb);
    const report = inShardTerms(shards, () =>
      buildReport({
        tool: shards[0]!.report.tool,
        startedAt: Math.min(...shards.map(({ report }) => Date.parse(report.startedAt))),
        finishedAt: Math.max(...shards.map(({ report }) => Date.parse(report.finishedAt))),
        pages,
        // Unchecked until here: buildReport checks each observation once, before judging any.
        observations: shards.flatMap(({ report }, position) => namespaceIds(report.observations, shardPrefix(report, position))) as Observation[],
        ...(chosen ? { policy: chosen } : {}),
        settings: mergedSettings(shards.map(({ report }) => report)),
        sources,
      }),
    );
    io.log(`Merged ${shards.length} reports: ${report.pages.length} pages, ${report.observations.length} observations.`);
    // A merged run judged against the shards' draft keeps it beside the report, as a single run does.
    const draft = chosen?.discovered && chosen.file ? (JSON.parse(await readFile(chosen.file, 'utf8')) as PolicyInput) : undefined;
    const { failing } = await deliverReport(report, { outDir, formats, failOn, ...(draft ? { draft } : {}) }, io);
    const failed = report.pages.filter((p) => p.error);
    if (failed.length > 0) io.log(`error: ${failed.length} of ${report.pages.length} pages did not load completely (${failed[0]!.url}: ${failed[0]!.error})`);
    return EXIT_CODES[outcomeOf({ failed: failed.length > 0, interrupted: false, failingFindings: failing })];
  } catch (error) {
    io.log(`error: ${error instanceof UserError ? error.message : firstLine(error)}`);
    return EXIT_CODES.error;
  }
}

/**
 * Runs `build` on the shards' observations laid end to end; an observation that fails its check
 * is named in its own shard's terms (file, and index there), as a user can find and mend it.
 */
function inShardTerms<T>(shards: readonly ShardReport[], build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ReportFieldError) || error.path[0] !== 'observations' || typeof error.path[1] !== 'number') throw error;
    let index = error.path[1];
    for (const { file, report } of shards) {
      if (index < report.observations.length) throw new UserError(new ReportFieldError(file, ['observations', index, ...error.path.slice(2)], error.detail).message);
      index -= report.observations.length;
    }
    throw error;
  }
}

/** `s2`: prefixes shard 2's observation ids and the names of its evidence files in the merge. */
function shardPrefix(report: ReportEvidence, position: number): string {
  return `s${report.settings?.shard?.index ?? position + 1}`;
}

/** A shard's evidence: its findings are not read, the merge judges every observation again. */
interface ShardReport {
  file: string;
  report: ReportEvidence;
}

async function readReport(file: string): Promise<ShardReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return { file, report: parseReportEvidence(JSON.parse(text), file) };
  } catch (error) {
    throw new UserError(error instanceof SyntaxError ? `${file}: not valid JSON: ${error.message}` : (error as Error).message);
  }
}

/** Shard order when every report knows its shard, else the order given; a shard given twice is an error. */
function orderByShard(shards: ShardReport[]): ShardReport[] {
  const indexes = shards.map(({ report }) => report.settings?.shard?.index);
  if (indexes.some((i) => i === undefined)) return shards;
  const seen = new Map<number, string>();
  for (const { file, report } of shards) {
    const index = report.settings!.shard!.index;
    if (seen.has(index)) throw new UserError(`${file} and ${seen.get(index)} are both shard ${index}`);
    seen.set(index, file);
  }
  return [...shards].sort((a, b) => a.report.settings!.shard!.index - b.report.settings!.shard!.index);
}

/**
 * The shards' policy, read again from the file they name (the report quotes clauses, not the
 * whole policy), or --policy. Shards judged against different policies cannot be merged.
 */
async function policyOfShards(shards: readonly ShardReport[], explicit: string | undefined): Promise<PolicyInUse | undefined> {
  if (explicit !== undefined) return choosePolicy(explicit, 'http://merge.invalid/', PROJECT_ROOT);
  const ids = new Set(shards.map(({ report }) => report.policy?.id));
  if (ids.size > 1) {
    throw new UserError(`the reports were judged against different policies (${[...ids].map((id) => id ?? 'none').join(', ')}); pass --policy <file>`);
  }
  const named = shards.find(({ report }) => report.policy)?.report.policy;
  if (!named) return undefined;
  if (named.discovered) return draftOfShards(shards, named.discovered);
  if (!named.file) throw new UserError(`the reports name policy "${named.id}" but not its file: pass --policy <file>`);
  const chosen = await choosePolicy(named.file, 'http://merge.invalid/', PROJECT_ROOT).catch((error: unknown) => {
    throw new UserError(`${(error as Error).message} (the policy the shards were judged against; pass --policy <file>)`);
  });
  if (chosen?.policy.id !== named.id) {
    throw new UserError(`${named.file} now holds policy "${chosen?.policy.id}", the shards used "${named.id}": pass --policy <file>`);
  }
  return chosen;
}

/**
 * Shards that each read the site's own policy judged against a draft written beside their report
 * (policy.draft.json): the same draft when they read the same text, which the merged report is
 * then judged against too. Different texts (the policy changed during the crawl) need a choice.
 */
async function draftOfShards(shards: readonly ShardReport[], discovered: DiscoveredPolicy): Promise<PolicyInUse> {
  const texts = new Set(shards.map(({ report }) => report.policy?.discovered?.textSha256));
  if (texts.size > 1) {
    throw new UserError("the shards read different texts of the site's policy (its text changed during the crawl); pass --policy <file>");
  }
  const draft = join(dirname(shards[0]!.file), DRAFT_FILE);
  const chosen = await choosePolicy(draft, 'http://merge.invalid/', PROJECT_ROOT).catch((error: unknown) => {
    throw new UserError(`${(error as Error).message} (the draft the shards were judged against, written beside ${shards[0]!.file}; pass --policy <file>)`);
  });
  return { ...chosen!, discovered };
}

/**
 * Shard i took URLs i, i+n, i+2n…: taking one page from each shard in turn gives back the order of
 * the list. Pages stay grouped by consent state, in the order the run audited the states.
 */
export function interleavePages(perShard: readonly (readonly PageVisit[])[], settings: RunSettings | undefined): PageVisit[] {
  const states = (settings?.consent ?? []).map((c) => c.state);
  const rank = (page: PageVisit) => (page.consent ? states.indexOf(page.consent) : 0);
  const pages: PageVisit[] = [];
  const longest = Math.max(0, ...perShard.map((list) => list.length));
  for (const state of states.length ? states : [undefined]) {
    const ofState = perShard.map((list) => list.filter((p) => state === undefined || p.consent === state));
    for (let i = 0; i < longest; i++) for (const list of ofState) if (list[i]) pages.push(list[i]!);
  }
  // Pages of states the first shard did not record come last, in shard order.
  const placed = new Set(pages);
  return [...pages, ...perShard.flat().filter((p) => !placed.has(p)).sort((a, b) => rank(a) - rank(b))];
}

/** The first shard's settings, without its shard; consent outcomes per state from the first shard that has it. */
function mergedSettings(reports: readonly ReportEvidence[]): Omit<RunSettings, 'trackerDb'> | undefined {
  const first = reports[0]?.settings;
  if (!first) return undefined;
  const { shard: _shard, trackerDb: _trackerDb, ...rest } = first;
  const consent = new Map<string, NonNullable<RunSettings['consent']>[number]>();
  for (const report of reports) for (const c of report.settings?.consent ?? []) if (!consent.has(c.state)) consent.set(c.state, c);
  return { ...rest, ...(consent.size ? { consent: [...consent.values()] } : {}) };
}
