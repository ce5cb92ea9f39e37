import type { Observation } from '../model/observation';
import { formatLifetime, plural } from './format';
import { html, type SafeHtml } from './html-escape';

/** Items shown per evidence list; the observations appendix and CSV hold the rest. */
export const EVIDENCE_LIST_LIMIT = 25;

function cappedList(items: readonly SafeHtml[]): SafeHtml {
  const shown = items.slice(0, EVIDENCE_LIST_LIMIT);
  const hidden = items.length - shown.length;
  return html`<ul>${shown.map((item) => html`<li>${item}</li>`)}${
    hidden > 0 ? html`<li class="muted">and ${hidden} more (see the observations appendix)</li>` : ''
  }</ul>`;
}

function section(title: string, items: readonly SafeHtml[]): SafeHtml | '' {
  return items.length === 0 ? '' : html`<h4>${title}</h4>${cappedList(items)}`;
}

/** Same text once: a tracker firing on every page should not fill the list with one URL. */
function distinct(items: SafeHtml[]): SafeHtml[] {
  return [...new Map(items.map((item) => [item.markup, item])).values()];
}

// A page-hook observation was reported by script in the page, which the page can forge.
const hookedNote = (o: Observation) =>
  o.source === 'page-hook' ? html` <span class="hooked">(reported by page script: attribution only)</span>` : '';

function cookieFlags(o: Observation): string {
  const c = o.cookie;
  if (!c) return '';
  const flags = [c.secure && 'Secure', c.httpOnly && 'HttpOnly', c.sameSite && `SameSite=${c.sameSite}`];
  return flags.filter(Boolean).join(', ');
}

function cookieItem(o: Observation): SafeHtml {
  const c = o.cookie;
  const where = c ? `${c.domain}${c.path}` : o.host;
  const flags = cookieFlags(o);
  const via = o.via?.length ? `set via ${o.via.join(', ')}` : '';
  return html`<code>${o.name ?? '(unnamed)'}</code> on <code>${where}</code>, ${
    c ? formatLifetime(c.lifetimeSeconds) : 'lifetime unknown'
  }${flags ? `, ${flags}` : ''}${via ? `, ${via}` : ''}${hookedNote(o)}`;
}

function storageItem(o: Observation): SafeHtml {
  const s = o.storage;
  const size = s?.valueSize === undefined ? '' : ` (${plural(s.valueSize, 'byte')})`;
  return html`${s?.area ?? 'storage'} <code>${s?.key ?? o.name ?? '(no key)'}</code>${size} for <code>${
    s?.origin ?? o.host
  }</code>${hookedNote(o)}`;
}

function urlItem(o: Observation): SafeHtml {
  const how = [o.kind === 'request' ? o.resourceType : o.kind, ...(o.kind === 'beacon' ? (o.via ?? []) : [])]
    .filter(Boolean)
    .join(', ');
  // Plain text, never a link: a reviewer should not be one click away from a tracker or a javascript: URL.
  return html`<span class="url">${o.url ?? o.host}</span>${how ? html` <span class="muted">(${how})</span>` : ''}${
    o.error ? html` <span class="error">${o.error}</span>` : ''
  }${hookedNote(o)}`;
}

function flashItem(o: Observation): SafeHtml {
  return html`<span class="url">${o.url ?? o.host}</span>${o.reason ? html` <span class="muted">(${o.reason})</span>` : ''}`;
}

/**
 * The expandable evidence behind one finding. `missing` counts observation ids the finding cites
 * that the report does not contain, so a reader knows the list is incomplete.
 */
export function evidenceDetails(observations: readonly Observation[], missing: number): SafeHtml {
  const of = (kind: Observation['kind']) => observations.filter((o) => o.kind === kind);
  const pages = distinct(observations.map((o) => html`<span class="url">${o.pageUrl}</span>`));
  const summary = `${plural(observations.length, 'observation')} on ${plural(pages.length, 'page')}`;
  return html`<details class="evidence"><summary>${summary}</summary>
${section('Requests and beacons', distinct([...of('request'), ...of('beacon')].map(urlItem)))}
${section('Cookies', distinct(of('cookie').map(cookieItem)))}
${section('Storage', distinct(of('storage').map(storageItem)))}
${section('Flash', distinct(of('flash').map(flashItem)))}
${section('Pages where seen', pages)}
${missing > 0 ? html`<p class="note">${plural(missing, 'cited observation')} not included in this report.</p>` : ''}
</details>`;
}
