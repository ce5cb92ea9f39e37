/**
 * `AUDITOR_TRACE=1`: each phase of a run (launch, warm-up, load, quiet, report) printed to stderr
 * with the milliseconds since the process started, to see where a slow run spends its time.
 */
const enabled = process.env.AUDITOR_TRACE === '1';

export function trace(phase: string): void {
  if (enabled) process.stderr.write(`[trace ${Math.round(performance.now())} ms] ${phase}\n`);
}
