/**
 * Progress of a run on standard error. On a terminal one line is rewritten in place (page n of N,
 * third parties so far); in CI logs and pipes, where rewriting only garbles the output, each page
 * gets one plain line when it is done.
 */
export interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface PageProgress {
  /** 1-based position and expected total (a crawl's total grows as links are found). */
  n: number;
  total: number;
  url: string;
  /** Consent state, shown when a run audits several. */
  state?: string;
  /** Distinct third-party domains the pages of this state contacted so far. */
  thirdParties?: number;
  error?: string;
}

const CLEAR_LINE = '\r\x1b[2K';

export class Progress {
  private showing = false;

  constructor(
    private readonly log: (line: string) => void,
    private readonly terminal?: Terminal,
  ) {}

  private get live(): boolean {
    return this.terminal?.isTTY === true;
  }

  pageStarted(page: PageProgress): void {
    if (this.live) this.render(`${position(page)} ${printable(page.url)} …`);
  }

  pageFinished(page: PageProgress): void {
    const line = `${position(page)} ${printable(page.url)}${thirdParties(page)}`;
    if (page.error) {
      this.note(line);
      this.log(`  page error: ${printable(page.error)}`);
    } else if (this.live) this.render(line);
    else this.log(line);
  }

  /** A line that stays: clears the live line first so the two never share a row. */
  note(line: string): void {
    this.clear();
    this.log(line);
  }

  /** Removes the live line, before the summary is printed. */
  clear(): void {
    if (!this.showing) return;
    this.terminal!.write(CLEAR_LINE);
    this.showing = false;
  }

  private render(line: string): void {
    // A pseudo-terminal may report 0 columns: treat that as unknown.
    const width = Math.max(20, (this.terminal!.columns || 80) - 1);
    const fitted = line.length > width ? `${line.slice(0, width - 1)}…` : line;
    this.terminal!.write(`${CLEAR_LINE}${fitted}`);
    this.showing = true;
  }
}

function position(page: PageProgress): string {
  return `[${page.state ? `${page.state} ` : ''}${page.n}/${Math.max(page.n, page.total)}]`;
}

function thirdParties(page: PageProgress): string {
  if (page.thirdParties === undefined) return '';
  return ` — ${page.thirdParties} third ${page.thirdParties === 1 ? 'party' : 'parties'} so far`;
}

/** Page data must not move the cursor or recolour the terminal (ANSI escape injection). */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
