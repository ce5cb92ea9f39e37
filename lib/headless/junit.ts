import type { Finding, FindingStatus } from '../model/finding';
import { clauseQuotes } from '../export/clauses';
import type { Report } from '../model/report';
import { coverageText, failingParts, failingPartsText } from '../export/failing';
import { STATUS_LABELS } from '../export/status';
import { reportedFailures } from './gate';
import type { FailOn } from './option-values';

/**
 * report.junit.xml: the findings as a JUnit test report, so CI servers list policy violations
 * next to failing tests. One test case per finding and one per page (an error when the page did
 * not load). Every undisclosed and technology-not-disclosed finding is a failure whatever
 * --fail-on says (with `by-category`, disclosed-by-category ones too): a test view must not show
 * green over trackers the visitor was not told about, while the exit code follows --fail-on.
 * Findings of a run without a policy are skipped. Pure: the same report and level always give
 * the same bytes.
 */
export const JUNIT_FILE_NAME = 'report.junit.xml';

const EVIDENCE_LIMIT = 5;

export function toJunitXml(report: Report, failOn: FailOn): string {
  const failing = reportedFailures(failOn);
  const quotes = clauseQuotes(report);
  const observations = new Map(report.observations.map((o) => [o.id, o]));
  const findingCases = report.findings.map((finding) => findingCase(finding, failing, quotes, observations));
  const pageCases = report.pages.map((page) =>
    testCase('policy-audit.pages', page.consent ? `${page.url} (consent: ${page.consent})` : page.url, {
      error: page.error ? { type: 'page-error', message: page.error, body: `${page.url}\n${page.error}` } : undefined,
    }),
  );
  const time = seconds(report.startedAt, report.finishedAt);
  const timestamp = report.startedAt.slice(0, 19);
  const findingsSuite = suite(`Third parties vs. ${report.policy?.title ?? report.policy?.id ?? 'no policy'}`, findingCases, {
    time,
    timestamp,
    properties: [
      ['policy', report.policy ? `${report.policy.id}${report.policy.file ? ` (${report.policy.file})` : ''}` : 'none'],
      ['fail-on', failOn],
      ['consent', (report.settings?.consent ?? []).map((c) => c.state).join(',') || 'none'],
      ['gpc', String(report.settings?.gpc ?? false)],
    ],
  });
  const pagesSuite = suite('Pages', pageCases, { time, timestamp, properties: [] });
  const all = [...findingCases, ...pageCases];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(report.tool.name)}" ${counts(all)} time="${time}">`,
    findingsSuite,
    pagesSuite,
    '</testsuites>',
    '',
  ].join('\n');
}

interface Case {
  xml: string;
  failure: boolean;
  error: boolean;
  skipped: boolean;
}

function findingCase(
  finding: Finding,
  failing: readonly FindingStatus[],
  quotes: ReturnType<typeof clauseQuotes>,
  observations: ReadonlyMap<string, Report['observations'][number]>,
): Case {
  const label = STATUS_LABELS[finding.status];
  const what = (finding.technologies?.length ? finding.technologies : finding.kinds).join(', ');
  const name = `${finding.subject} (${finding.domains.join(', ')}): ${what}`;
  const clauses = finding.clauseIds.map((id) => {
    const quote = quotes.get(id)?.quote;
    return quote ? `${id}: "${quote}"` : id;
  });
  const evidence = finding.observationIds.slice(0, EVIDENCE_LIMIT).flatMap((id) => {
    const o = observations.get(id);
    if (!o) return [];
    const consent = o.consent ? ` (consent: ${o.consent})` : '';
    return [`  ${o.kind} ${o.url ?? o.name ?? o.host} on ${o.pageUrl}${consent}`];
  });
  const more = finding.observationIds.length - evidence.length;
  const details = [
    `${label.label}: ${label.meaning}`,
    `Party: ${finding.subject}${finding.category ? ` (${finding.category})` : ''}; domains ${finding.domains.join(', ')}`,
    `Seen: ${what}`,
    ...(finding.coverage?.length ? [`Coverage: ${coverageText(finding, (s) => STATUS_LABELS[s].label.toLowerCase())}`] : []),
    `Clauses: ${clauses.length ? clauses.join('; ') : 'none'}`,
    ...(finding.proposedDeclaration ? [`Proposed declaration: ${JSON.stringify(finding.proposedDeclaration)}`] : []),
    `Evidence (${finding.observationIds.length}):`,
    ...evidence,
    ...(more > 0 ? [`  … and ${more} more in report.json`] : []),
  ].join('\n');
  const fails = failing.includes(finding.status);
  const message = () => {
    const parts = failingPartsText(failingParts(finding, failing));
    return `${finding.subject}: ${label.label.toLowerCase()}${parts ? `, ${parts}` : ` (${what})`}`;
  };
  return testCase(`policy-audit.${finding.status}`, name, {
    failure: fails ? { type: finding.status, message: message(), body: details } : undefined,
    skipped: finding.status === 'unreviewed' ? 'no policy was applied to this run' : undefined,
    out: fails ? undefined : details,
  });
}

interface Problem {
  type: string;
  message: string;
  body: string;
}

function testCase(
  classname: string,
  name: string,
  parts: { failure?: Problem; error?: Problem; skipped?: string; out?: string },
): Case {
  const inner: string[] = [];
  if (parts.failure) inner.push(problem('failure', parts.failure));
  if (parts.error) inner.push(problem('error', parts.error));
  if (parts.skipped !== undefined) inner.push(`      <skipped message="${attr(parts.skipped)}"/>`);
  if (parts.out !== undefined) inner.push(`      <system-out>${text(parts.out)}</system-out>`);
  const open = `    <testcase classname="${attr(classname)}" name="${attr(name)}" time="0"`;
  return {
    xml: inner.length ? `${open}>\n${inner.join('\n')}\n    </testcase>` : `${open}/>`,
    failure: parts.failure !== undefined,
    error: parts.error !== undefined,
    skipped: parts.skipped !== undefined,
  };
}

function problem(element: 'failure' | 'error', p: Problem): string {
  return `      <${element} type="${attr(p.type)}" message="${attr(p.message)}">${text(p.body)}</${element}>`;
}

function suite(name: string, cases: Case[], meta: { time: string; timestamp: string; properties: [string, string][] }): string {
  const properties = meta.properties.length
    ? [
        '    <properties>',
        ...meta.properties.map(([n, v]) => `      <property name="${attr(n)}" value="${attr(v)}"/>`),
        '    </properties>',
      ]
    : [];
  return [
    `  <testsuite name="${attr(name)}" ${counts(cases)} time="${meta.time}" timestamp="${meta.timestamp}">`,
    ...properties,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
  ].join('\n');
}

function counts(cases: readonly Case[]): string {
  const count = (pick: (c: Case) => boolean) => cases.filter(pick).length;
  return `tests="${cases.length}" failures="${count((c) => c.failure)}" errors="${count((c) => c.error)}" skipped="${count((c) => c.skipped)}"`;
}

function seconds(startIso: string, endIso: string): string {
  const ms = Date.parse(endIso) - Date.parse(startIso);
  return Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0';
}

/**
 * Page data (URLs, cookie names, organization names) ends up here: characters XML 1.0 cannot
 * hold at all (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, so one hostile
 * URL cannot make the whole file unreadable to the CI server.
 */
function xmlSafe(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

export function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and line breaks, which XML would otherwise turn into spaces. */
export function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
