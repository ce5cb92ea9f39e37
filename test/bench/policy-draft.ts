/**
 * Drafting adversarial policy texts against an ordinary one of the same size, in one run: a
 * reader that backtracks shows ratios in the hundreds. Target: every ratio ≤ 3, and a
 * 1 MB text drafted in about 2 s. Run: npx tsx test/bench/policy-draft.ts. Asserts nothing.
 */
import { draftPolicy } from '../../lib/policy/draft';

const SIZE = 200_000;
const ordinary = 'We use cookies and Google Analytics to measure visits. '.repeat(SIZE / 55);
const cases: [string, string][] = [
  ['open brackets', '['.repeat(SIZE)],
  ['unclosed links', '[a]('.repeat(SIZE / 4)],
  ['headings', '#'.repeat(SIZE)],
  ['table bars', '|'.repeat(SIZE)],
  ['list markers', '* '.repeat(SIZE / 2)],
];

function time(text: string): number {
  const started = performance.now();
  try {
    draftPolicy(text, 'markdown', { site: 'bench.test' });
  } catch {
    // A refusal is an answer too: it is timed the same way.
  }
  return performance.now() - started;
}

time('We use cookies.'); // loads the language library once, outside the timings
const base = time(ordinary);
console.log(['text (200 KB)', 'ms', 'ratio to an ordinary text', 'target'].join(' | '));
console.log(['ordinary', Math.round(base), '1.00', ''].join(' | '));
for (const [name, text] of cases) {
  const ms = time(text);
  console.log([name, Math.round(ms), (ms / base).toFixed(2), '≤ 3'].join(' | '));
}
const megabyte = 'Our partners, such as Acme Ads Ltd. and Beta Pay Inc., may set cookies on your device. '.repeat(11_000);
console.log(['1 MB of policy prose', Math.round(time(megabyte)), '', '≈ 2 s'].join(' | '));
