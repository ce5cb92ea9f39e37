import { z } from 'zod';
import { Observation } from './observation';
import { Finding } from './finding';
import { formatIssuePath } from './issue-path';

/** Bump on any change that breaks a reader of report.json. */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * A file beside report.json (`pages/3-accept.png`): a relative path of plain names, so no report
 * can point a reader or a merge at a file elsewhere (no absolute path, no `..`, no scheme).
 */
export const EVIDENCE_PATH_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
export const EvidencePath = z.string().max(255).regex(EVIDENCE_PATH_PATTERN);

/** True for a path a report may link to (see EvidencePath); exports check it before they write a link. */
export function isEvidencePath(path: unknown): path is string {
  return typeof path === 'string' && path.length <= 255 && EVIDENCE_PATH_PATTERN.test(path);
}

export const PageVisit = z.object({
  url: z.string(),
  finalUrl: z.string(),
  /** Set when the page could not be loaded completely; its observations are still kept. */
  error: z.string().optional(),
  /** False when the network never went quiet within the wait (streams, long polling). */
  networkQuiet: z.boolean().optional(),
  /** Consent state the page was visited in; a report can hold one site under several. */
  consent: Observation.shape.consent,
  /**
   * Reports of the page left out, counted instead (the page flooded the record): past its frames'
   * limits or the per-page budget, and observations past the database's limits.
   */
  capped: z.number().int().positive().optional(),
  /** `--screenshot`: PNG of the tab once the page went quiet, relative to the report's directory. */
  screenshot: EvidencePath.optional(),
  /** `--har`: HAR 1.2 file of the page's traffic (no response bodies), relative to the report's directory. */
  har: EvidencePath.optional(),
});
export type PageVisit = z.infer<typeof PageVisit>;

export const RunSettings = z.object({
  /** How the browser treated third-party cookies; absent where the tool cannot tell (the extension). */
  thirdPartyCookies: z.enum(['allowed', 'blocked']).optional(),
  browser: z.string().optional(),
  /** Whether the browser sent the Global Privacy Control signal (Sec-GPC: 1, navigator.globalPrivacyControl). */
  gpc: z.boolean().optional(),
  /** Each consent state the site was visited in, and what became of its consent banner. */
  consent: z
    .array(
      z.object({
        state: z.enum(['none', 'accept', 'reject']),
        /** not-requested: banner left alone; handled: clicked; no-banner: none recognised; failed: clicking failed. */
        outcome: z.enum(['not-requested', 'handled', 'no-banner', 'failed']),
        /** The consent manager autoconsent recognised. */
        cmp: z.string().optional(),
      }),
    )
    .optional(),
  /** Whether Ghostery's trackerdb was an attribution source (it is switched off with AUDITOR_TRACKERDB=off). */
  trackerDb: z.boolean().optional(),
  /** Whether Chromium ran with its sandbox (it cannot as root, where the CLI turns it off). */
  sandbox: z.boolean().optional(),
  /** Whether TLS certificate errors were ignored for every host (`--insecure`). */
  insecure: z.boolean().optional(),
  /** Whether storage values were recorded as 32-character previews (`--no-values` leaves them out). */
  valuePreviews: z.boolean().optional(),
  /** Which part of a URL list this run audited (`--shard index/count`). */
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
});
export type RunSettings = z.infer<typeof RunSettings>;

/** A draft policy read from the site's own pages: where, when, and a hash of the text it was read from. */
export const DiscoveredPolicy = z.object({
  urls: z.array(z.string()).min(1),
  readAt: z.iso.datetime(),
  /** SHA-256 of the text read, so two reports can tell whether the policy changed in between. */
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DiscoveredPolicy = z.infer<typeof DiscoveredPolicy>;

/** One page the run tried as the site's policy, and what became of it. */
export const PolicyPageAttempt = z.object({
  url: z.string(),
  kind: z.enum(['privacy', 'cookie']),
  /** A link on the audited pages, or a common path tried when no link was found. */
  found: z.enum(['link', 'well-known-path']),
  outcome: z.enum(['read', 'not-found', 'http-error', 'not-html', 'too-large', 'login-wall', 'language', 'no-declarations', 'failed']),
  /** What a reviewer needs to know: the HTTP status, the content type, the language, the error. */
  detail: z.string().optional(),
});
export type PolicyPageAttempt = z.infer<typeof PolicyPageAttempt>;

/**
 * A policy clause as the report quotes it. Loose on purpose: a report may carry the policy's full
 * declarations (lib/policy Declaration: quote under `clause`) or just `{ id, quote }`; exports
 * only read the id, the quote and the section heading.
 */
export const DeclarationQuote = z.looseObject({
  id: z.string(),
  quote: z.string().optional(),
  clause: z.looseObject({ section: z.string().optional(), quote: z.string().optional() }).optional(),
});
export type DeclarationQuote = z.infer<typeof DeclarationQuote>;

export const Report = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  settings: RunSettings.optional(),
  /** Which policy the findings were judged against, when any: a file, or a draft read from the site. */
  policy: z
    .object({
      id: z.string(),
      file: z.string().optional(),
      title: z.string().optional(),
      /** Set when the policy is a draft read from the site's own pages in this run, not reviewed by anyone. */
      discovered: DiscoveredPolicy.optional(),
    })
    .optional(),
  /** What the run tried to find and read the site's own policy, when no policy file was given. */
  policyDiscovery: z.object({ attempts: z.array(PolicyPageAttempt) }).optional(),
  pages: z.array(PageVisit),
  observations: z.array(Observation),
  findings: z.array(Finding),
  /** Clauses of the policy used, so exports can quote the clause behind each finding. */
  declarations: z.array(DeclarationQuote).optional(),
  /** Declarations of the policy never matched by any observation (stale or over-broad). */
  unmatchedDeclarations: z.array(z.object({ id: z.string(), quote: z.string().optional() })).optional(),
  /** Cookies the policy lists by name that were never set during the audit (stale rows, or pages not visited). */
  unobservedCookies: z
    .array(z.object({ name: z.string(), declarationId: z.string(), provider: z.string().optional() }))
    .optional(),
});
export type Report = z.infer<typeof Report>;

/**
 * Reports this module validated, by identity. A report is not edited once built (the CLI hands
 * buildReport's value to every writer as it is), so validating it again could only give the same
 * value back: at 100,000 observations each pass costs most of a second.
 */
const validated = new WeakSet<object>();

/** Marks a value Report.parse just returned, so parseReport hands it back without a second pass. */
export function validatedReport(report: Report): Report {
  validated.add(report);
  return report;
}

/** Parses a report read from disk or an import, with an error that names the field. */
export function parseReport(data: unknown, source = 'report'): Report {
  if (typeof data === 'object' && data !== null && validated.has(data)) return data as Report;
  return validatedReport(parseOrExplain(Report, data, source));
}

/**
 * A report's evidence (what was seen, where, under which settings and policy) without its verdicts
 * (findings and what derives from them), for a reader that judges the evidence again (merge).
 * Its observations are left unchecked: buildReport checks every observation it judges, so checking
 * them here too would only repeat the longest part of the parse (and copy them once more).
 */
export const ReportEvidence = Report.omit({ findings: true, unmatchedDeclarations: true, unobservedCookies: true }).extend({
  observations: z.array(z.unknown()),
});
export type ReportEvidence = z.infer<typeof ReportEvidence>;

/** Parses a report's evidence (findings dropped unread, observations unchecked), with an error that names the field. */
export function parseReportEvidence(data: unknown, source = 'report'): ReportEvidence {
  return parseOrExplain(ReportEvidence, data, source);
}

const Observations = z.array(Observation);

/** Parses a report's observations, with an error that names the observation and its field. */
export function parseObservations(data: unknown, source = 'report'): Observation[] {
  return parseOrExplain(Observations, data, source, ['observations']);
}

/** Everything of a report but its observations, validated apart (see buildReport). */
export const ReportAroundObservations = Report.omit({ observations: true });

/** A report from its parts, observations in the place the schema gives them (the order report.json is written in). */
export function withObservations(rest: z.infer<typeof ReportAroundObservations>, observations: Observation[]): Report {
  const report: Record<string, unknown> = {};
  for (const key of Object.keys(Report.shape)) {
    if (key === 'observations') report[key] = observations;
    else if (key in rest) report[key] = rest[key as keyof typeof rest];
  }
  return report as Report;
}

/** A field of a report that does not fit the schema: where (from the report's root) and why. */
export class ReportFieldError extends Error {
  constructor(
    readonly source: string,
    readonly path: readonly PropertyKey[],
    readonly detail: string,
  ) {
    super(`${source}: ${formatIssuePath(path)}: ${detail}`);
  }
}

function parseOrExplain<T>(schema: z.ZodType<T>, data: unknown, source: string, under: readonly PropertyKey[] = []): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ReportFieldError(source, [...under, ...issue.path], issue.message);
}

/** The report contract as JSON Schema, for readers in other languages (schema/report.schema.json). */
export function reportJsonSchemaText(): string {
  const schema = z.toJSONSchema(Report, { io: 'output', target: 'draft-2020-12' });
  const withTitle = {
    $schema: schema.$schema,
    $id: 'report.schema.json',
    title: `Audit report, schema version ${REPORT_SCHEMA_VERSION} (Policy vs. Trackers Auditor)`,
    description: 'Generated from lib/model/report.ts by `npx tsx schema/write-report-schema.ts`; do not edit.',
    ...schema,
  };
  return `${JSON.stringify(withTitle, null, 2)}\n`;
}
