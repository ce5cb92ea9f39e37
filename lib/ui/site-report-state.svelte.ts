import { SvelteMap } from 'svelte/reactivity';
import type { Finding } from '../model/finding';
import type { ExportChoice } from './export-files';
import { reviewsById, type FindingReview } from './verdicts';
import { ask, messageOf } from './client';
import type { RequestOf, ResponseMap } from '../extension/messages';
import { exportReport, saveVerdict } from './report-actions';
import { attemptText } from '../export/policy-attempts';

/**
 * A site report as the popup and the report page hold it: loaded from the background, with the
 * reviewer's verdicts kept apart (editing one does not rebuild the report) and merged back in
 * for exports.
 */
export class SiteReportState {
  result = $state.raw<ResponseMap['site-report']>();
  error = $state('');
  readonly reviews = new SvelteMap<string, FindingReview>();

  constructor(
    private readonly request: () => Promise<Omit<RequestOf<'site-report'>, 'type' | 'firstGroups'>>,
    /** Ask first for the findings of this many groups (one screen), then for the whole report. */
    private readonly firstGroups?: number,
    /** The first screen, already asked for (popup-request.ts): used by the first load. */
    private prefetched?: Promise<ResponseMap['site-report']>,
  ) {}

  /** The load under way: a later one supersedes it, and an export waits for the whole report. */
  private loading: Promise<void> = Promise.resolve();
  private generation = 0;

  load(): Promise<void> {
    const generation = ++this.generation;
    this.loading = this.loadInto(generation);
    return this.loading;
  }

  private async loadInto(generation: number): Promise<void> {
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    try {
      if (this.firstGroups) {
        const firstGroups = this.firstGroups;
        const first = await (prefetched ?? this.request().then((request) => ask({ type: 'site-report', ...request, firstGroups })));
        if (generation !== this.generation) return;
        this.show(first);
        if (first.site === null || !first.partial) return;
        // The worker's answer with the whole report keeps it busy for a while: ask once the first
        // screen is painted, so that the two do not share the machine's cores.
        await afterPaint();
      }
      const whole = await ask({ type: 'site-report', ...(await this.request()) });
      if (generation === this.generation) this.show(whole);
    } catch (error) {
      if (generation === this.generation) this.error = messageOf(error);
    }
  }

  private show(result: ResponseMap['site-report']): void {
    this.reviews.clear();
    if (result.site !== null) for (const [id, review] of reviewsById(result.report.findings)) this.reviews.set(id, review);
    this.result = result;
    this.error = '';
  }

  /** Saves the verdict; the row shows what was stored (nothing, when it was cleared). */
  async saveVerdict(finding: Finding, review: FindingReview): Promise<void> {
    if (!this.result?.site) return;
    const saved = await saveVerdict(this.result.site, finding, review);
    if (saved) this.reviews.set(finding.id, saved);
    else this.reviews.delete(finding.id);
  }

  /** Exports the whole report: asked while only the first screen is shown, once the rest has arrived. */
  async export(choice: ExportChoice): Promise<void> {
    await this.loading;
    if (this.result?.site && !this.result.partial) await exportReport(this.result.report, this.reviews, choice, this.result.site);
  }

  /** What reading the site's own policy came to, for the popup to show; undefined until asked. */
  policyReading = $state<{ busy: boolean; error?: string; tried?: string[] }>();

  /** Has the worker find, read and draft the site's policy, then shows the findings judged against it. */
  async readSitePolicy(): Promise<void> {
    if (!this.result?.site) return;
    this.policyReading = { busy: true };
    try {
      const request = await this.request();
      const read = await ask({ type: 'read-site-policy', site: this.result.site, ...(request.tabId === undefined ? {} : { tabId: request.tabId }) });
      const tried = read.attempts.map((a) => attemptText(a));
      this.policyReading = read.ok ? { busy: false, tried } : { busy: false, error: read.error, tried };
      if (read.ok) await this.load();
    } catch (error) {
      this.policyReading = { busy: false, error: messageOf(error) };
    }
  }

  async newSession(): Promise<void> {
    if (!this.result?.site) return;
    await ask({ type: 'new-session', site: this.result.site });
    await this.load();
  }
}

function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
