/**
 * The help texts, worded for the command the user actually typed: `policy-audit` through the
 * package's bin, `npm run audit --` from a checkout.
 */

/** Set by bin/policy-audit.mjs; tsx started from `npm run audit` leaves it unset. */
export const COMMAND_ENV = 'POLICY_AUDIT_COMMAND';

export const NPM_COMMAND = 'npm run audit --';

/** One line under a command-line mistake, so the mistake stays the line CI logs show. */
export const HELP_HINT = 'run with --help for the options';
export const MERGE_HELP_HINT = 'run merge --help for the options';

export function commandName(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env[COMMAND_ENV]?.trim() || NPM_COMMAND;
}

export function auditUsage(command = NPM_COMMAND): string {
  return `Usage: ${command} <url...> [options]
       ${command} merge <report.json...> --out <dir> [options]   (see ${command} merge --help)

Visits each URL in headless Chromium with the auditor extension loaded, judges every third party
against the site's privacy policy and writes a report.

Pages:
  --urls-file <file>        more URLs, one per line (# starts a comment)
  --max-pages <n>           crawl same-site links breadth-first until n pages were audited
  --concurrency <n>         pages audited at once, each in its own tab (default: one per core, at
                            most 4; see the README for what two tabs of one site can confuse)
  --shard <i>/<n>           audit only URLs i, i+n, i+2n, … of the list (merge the reports later)
  --scroll                  scroll each page to the bottom to trigger lazy-loaded trackers
  --wait-ms <ms>            longest wait for the network to go quiet after load (default: 5000)
  --page-timeout <ms>       longest wait for a page to load (default: 30000)

Browsing as:
  --consent <states>        none, accept, reject or a list such as none,accept,reject: each state is
                            audited in a fresh profile, its consent banner handled by autoconsent
                            (default: none, the banner is left alone)
  --no-values               record storage values by size only, without the 32-character preview
  --gpc                     send the Global Privacy Control signal (Sec-GPC: 1, navigator.globalPrivacyControl)
  --block-third-party-cookies
                            browse as a profile that blocks them (default: allowed, as in Chrome)

Judging:
  --policy <file>|discover  policy file to judge against (default: the *.policy.json for the site in
                            --policies-dir, ./policy/, then the tool's policy/; without one, the
                            site's own policy is found and read in the browser)
  --policies-dir <dir>      look for the site's policy file here first; repeatable
  --policy-url <url>        the site's privacy or cookie policy page to read; repeatable
  --no-policy-discovery     without a policy file for the site, leave findings unreviewed
  --no-trackerdb            leave Ghostery's trackerdb (CC-BY-NC-SA-4.0) out of attribution;
                            so does AUDITOR_TRACKERDB=off

Output:
  --out <dir>               where to write the report (default: ./audit-report)
${OUTPUT_OPTIONS}
  --screenshot              save a PNG of each page per consent state once it went quiet
                            (<out>/pages/<n>-<state>.png), linked from the report
  --har                     save a HAR file of each page's traffic per consent state, without
                            response bodies (<out>/pages/<n>-<state>.har); with --no-values,
                            without the values of Cookie and Set-Cookie headers

Browser:
  --chromium <path>         Chromium binary (default: $CHROMIUM_PATH, else /usr/bin/chromium)
  --host-rules <rules>      Chromium --host-resolver-rules, e.g. "MAP * 127.0.0.1:8443"
  --insecure                ignore TLS certificate errors (self-signed fixtures)
  --chromium-arg=<flag>     extra Chromium flag, e.g. --chromium-arg=--lang=de; repeatable
  --no-build                use the existing build in .output/ even if sources are newer
  --headed                  show the browser window
  -h, --help                show this help
  --version                 print the tool's name and version

${EXIT_CODES_TEXT}`;
}

export function mergeUsage(command = NPM_COMMAND): string {
  return `Usage: ${command} merge <report.json...> --out <dir> [options]

Merges the report.json files of shard runs (--shard i/n) into one report, as if one run had
audited every page: pages back in the order of the URL list, observations judged again together.

  --out <dir>               where to write the merged report (required)
  --policy <file>           judge against this policy (default: the file the shards name, read
                            relative to the working directory)
  --no-trackerdb            leave Ghostery's trackerdb out of attribution
${OUTPUT_OPTIONS}
  -h, --help                show this help

${EXIT_CODES_TEXT}`;
}

const OUTPUT_OPTIONS = `  --format <list>           json, csv, html, junit, markdown (default: json,csv,html); junit lists
                            every undisclosed and technology-not-disclosed finding as a failure,
                            markdown writes report.md for a CI job summary or a pull request
  --fail-on <level>         exit 1 if findings at this level exist: undisclosed (undisclosed and
                            technology-not-disclosed), by-category (those and disclosed-by-category),
                            none (default: none)`;

const EXIT_CODES_TEXT = `Exit codes: 0 audited and nothing at the --fail-on level; 1 findings at that level;
2 bad usage, a bad policy file, a missing browser or a page that did not load (the report is
written anyway); 130 interrupted (Ctrl-C; a partial report is written).`;
