export const USAGE = `Usage: npm run audit -- <url...> [options]
       npm run audit -- merge <report.json...> --out <dir> [--format …] [--fail-on …] [--policy <file>]

Visits each URL in headless Chromium with the auditor extension loaded, judges every third party
against the site's privacy policy and writes a report.

Pages:
  --urls-file <file>        more URLs, one per line (# starts a comment)
  --max-pages <n>           crawl same-site links breadth-first until n pages were audited
  --shard <i>/<n>           audit only URLs i, i+n, i+2n, … of the list (merge the reports later)
  --scroll                  scroll each page to the bottom to trigger lazy-loaded trackers
  --wait-ms <ms>            longest wait for the network to go quiet after load (default: 5000)
  --page-timeout <ms>       longest wait for a page to load (default: 30000)

Browsing as:
  --consent <states>        none, accept, reject or a list such as none,accept,reject: each state is
                            audited in a fresh profile, its consent banner handled by autoconsent
                            (default: none, the banner is left alone)
  --gpc                     send the Global Privacy Control signal (Sec-GPC: 1, navigator.globalPrivacyControl)
  --block-third-party-cookies
                            browse as a profile that blocks them (default: allowed, as in Chrome)

Judging:
  --policy <file>|discover  policy file to judge against (default: the one in policy/ for the site;
                            without one, the site's own policy is found and read in the browser)
  --policy-url <url>        the site's privacy or cookie policy page to read; repeatable
  --no-policy-discovery     without a policy file for the site, leave findings unreviewed
  --no-trackerdb            leave Ghostery's trackerdb (CC-BY-NC-SA-4.0) out of attribution;
                            so does AUDITOR_TRACKERDB=off

Output:
  --out <dir>               where to write the report (default: ./audit-report)
  --format <list>           json, csv, html, junit (default: json,csv,html)
  --fail-on <level>         exit 1 if findings at this level exist: undisclosed (undisclosed and
                            technology-not-disclosed), by-category (those and disclosed-by-category),
                            none (default: none)

Browser:
  --chromium <path>         Chromium binary (default: $CHROMIUM_PATH, else /usr/bin/chromium)
  --host-rules <rules>      Chromium --host-resolver-rules, e.g. "MAP * 127.0.0.1:8443"
  --insecure                ignore TLS certificate errors (self-signed fixtures)
  --chromium-arg=<flag>     extra Chromium flag, e.g. --chromium-arg=--lang=de; repeatable
  --no-build                use the existing build in .output/ even if sources are newer
  --headed                  show the browser window
  -h, --help                show this help

Exit codes: 0 audited and nothing at the --fail-on level; 1 findings at that level;
2 bad usage, a bad policy file, a missing browser or a page that did not load (the report is
written anyway); 130 interrupted (Ctrl-C; a partial report is written).`;
