import type { Observation } from '../model/observation';
import { formatTime } from './format';
import { html, type SafeHtml } from './html-escape';

/**
 * Rows in the observations appendix. A busy news site yields tens of thousands of requests;
 * beyond a few thousand rows the file gets slow to open and nobody reads it. observations.csv
 * always has everything.
 */
export const OBSERVATION_ROW_LIMIT = 5_000;

/** What to show in the "Name / key" column: the cookie name, the storage key, or nothing. */
function nameOf(o: Observation): string {
  return o.storage?.key ?? o.name ?? '';
}

function row(o: Observation): SafeHtml {
  return html`<tr>
<td>${formatTime(o.time)}</td><td>${o.kind}</td><td>${o.party}</td><td><code>${o.host}</code></td>
<td><code>${nameOf(o)}</code></td><td class="url">${o.url ?? ''}</td><td class="url">${o.pageUrl}</td>
</tr>`;
}

export function observationsAppendix(observations: readonly Observation[], limit = OBSERVATION_ROW_LIMIT): SafeHtml {
  if (observations.length === 0) return html`<p class="muted">No observations were recorded.</p>`;
  const shown = observations.slice(0, limit);
  const leftOut = observations.length - shown.length;
  const count = (n: number) => n.toLocaleString('en-US');
  return html`${
    leftOut > 0
      ? html`<p class="note">Showing the first ${count(shown.length)} of ${count(observations.length)} observations; ${count(
          leftOut,
        )} left out. observations.csv has all of them.</p>`
      : html`<p class="note">All ${count(observations.length)} observations, in the order they were recorded.</p>`
  }
<div class="table-wrap"><table class="compact">
<thead><tr><th scope="col">Time</th><th scope="col">Kind</th><th scope="col">Party</th><th scope="col">Host</th><th scope="col">Name / key</th><th scope="col">URL</th><th scope="col">Page</th></tr></thead>
<tbody>
${shown.map(row)}
</tbody></table></div>`;
}
