import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAuditArgs, type AuditOptions } from '../../lib/headless/args';
import { parseMergeArgs, type MergeOptions } from '../../lib/headless/merge-args';

/**
 * The GitHub Actions workflow in examples/ is copied into other repositories as it is, so its
 * commands must be valid as written: each one is read with the CLI's own argument parsers.
 */
const WORKFLOW_FILE = 'examples/github-actions/privacy-audit.yml';

type Yaml = string | Yaml[] | { [key: string]: Yaml };

/**
 * A reader for the YAML this workflow uses (block mappings and sequences, `- key: value` items,
 * `|` block scalars, `[a, b]` flow lists, quotes, comments). Anything else is an error, so the
 * file cannot drift into YAML this test would misread.
 */
class YamlReader {
  private index = 0;
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.replace(/\r\n/g, '\n').split('\n');
  }

  read(): Yaml {
    const first = this.peek();
    const document = first ? this.node(first.indent) : {};
    const rest = this.peek();
    if (rest) throw new Error(`${WORKFLOW_FILE}:${this.index + 1}: unexpected indentation: ${rest.text}`);
    return document;
  }

  /** The next line that holds structure (not blank, not only a comment), without its comment. */
  private peek(): { indent: number; text: string } | undefined {
    for (; this.index < this.lines.length; this.index++) {
      const raw = this.lines[this.index]!;
      const text = withoutComment(raw.trim());
      if (text !== '') return { indent: raw.length - raw.trimStart().length, text };
    }
    return undefined;
  }

  private node(indent: number): Yaml {
    return this.peek()!.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): Yaml[] {
    const items: Yaml[] = [];
    for (let line = this.peek(); line?.indent === indent && line.text.startsWith('- '); line = this.peek()) {
      const rest = line.text.slice(2);
      if (/^[\w.-]+:(\s|$)/.test(rest)) {
        // "- key: value": the item is a mapping whose keys line up two columns further in.
        this.lines[this.index] = `${' '.repeat(indent + 2)}${rest}`;
        items.push(this.mapping(indent + 2));
      } else {
        this.index++;
        items.push(scalar(rest));
      }
    }
    return items;
  }

  private mapping(indent: number): { [key: string]: Yaml } {
    const map: { [key: string]: Yaml } = {};
    for (let line = this.peek(); line?.indent === indent && !line.text.startsWith('- '); line = this.peek()) {
      const entry = /^([\w.-]+):(?:\s+(.*))?$/.exec(line.text);
      if (!entry) throw new Error(`${WORKFLOW_FILE}:${this.index + 1}: not a "key: value" line: ${line.text}`);
      this.index++;
      const [, key, value] = entry;
      if (value === '|') map[key!] = this.blockScalar(indent);
      else if (value !== undefined) map[key!] = scalar(value);
      else {
        const next = this.peek();
        const nested = next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- ')));
        map[key!] = nested ? this.node(next.indent) : '';
      }
    }
    return map;
  }

  /** `key: |`: the lines indented deeper than the key, kept as written (comments included). */
  private blockScalar(keyIndent: number): string {
    const body: string[] = [];
    for (; this.index < this.lines.length; this.index++) {
      const raw = this.lines[this.index]!;
      if (raw.trim() !== '' && raw.length - raw.trimStart().length <= keyIndent) break;
      body.push(raw);
    }
    const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
    return `${body.map((l) => l.slice(indent)).join('\n').replace(/\n+$/, '')}\n`;
  }
}

/** A comment starts at a `#` after a space, outside quotes. */
function withoutComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) quote = c === quote ? undefined : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i).trimEnd();
  }
  return text;
}

function scalar(text: string): Yaml {
  if (text.startsWith('[') && text.endsWith(']')) return text.slice(1, -1).split(',').map((item) => unquote(item.trim()));
  return unquote(text);
}

function unquote(text: string): string {
  return /^(['"]).*\1$/.test(text) ? text.slice(1, -1) : text;
}

/** Shell words: quotes grouped, unquoted; globs and `$VAR` left for the shell. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const c of command) {
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (quote) throw new Error(`unbalanced ${quote} in: ${command}`);
  if (word !== undefined) words.push(word);
  return words;
}

// Helpers of the workflow's own shape.
const map = (value: Yaml | undefined): { [key: string]: Yaml } => value as { [key: string]: Yaml };
const list = (value: Yaml | undefined): Yaml[] => value as Yaml[];

const workflow = map(new YamlReader(readFileSync(WORKFLOW_FILE, 'utf8')).read());
const jobs = map(workflow.jobs);
const shards = list(map(map(map(jobs.audit).strategy).matrix).shard);
const stepsOf = (job: string) => list(map(jobs[job]).steps).map(map);

/** The values GitHub puts into `${{ … }}` of a run command, for shard 1 of the matrix. */
const EXPRESSIONS: Record<string, string> = { 'matrix.shard': String(shards[0]), 'strategy.job-total': String(shards.length) };

function expand(text: string): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    const value = EXPRESSIONS[expression];
    if (value === undefined) throw new Error(`unknown expression in a command: ${expression}`);
    return value;
  });
}

interface CliCommand {
  job: string;
  argv: string[];
}

/** Every `npm run audit -- …`, `npx policy-audit …` and `policy-audit …` command, with its arguments. */
function cliCommands(): CliCommand[] {
  return Object.keys(jobs).flatMap((job) =>
    stepsOf(job).flatMap((step) => {
      if (typeof step.run !== 'string') return [];
      const script = step.run.replace(/\\\n/g, ' ');
      return script
        .split('\n')
        .flatMap((line) => line.split(/&&|\|\||;/))
        .map((command) => shellWords(command.includes('policy-audit') || command.includes('npm run audit') ? expand(command) : command))
        .flatMap((words) => {
          const start = ['npm run audit --', 'npx policy-audit', 'policy-audit'].find((prefix) => words.join(' ').startsWith(`${prefix} `));
          return start ? [{ job, argv: words.slice(start.split(' ').length) }] : [];
        });
    }),
  );
}

const commands = cliCommands();
const audits = commands.filter((c) => c.argv[0] !== 'merge');
const merges = commands.filter((c) => c.argv[0] === 'merge');

describe(WORKFLOW_FILE, () => {
  it('is read whole by the reader', () => {
    expect(workflow.name).toBe('Privacy audit');
    expect(Object.keys(jobs)).toEqual(['audit', 'merge']);
    expect(map(jobs.merge).needs).toBe('audit');
    expect(shards.map(Number)).toEqual(shards.map((_, i) => i + 1));
  });

  it('has audit and merge commands, and each parses with the real argument parser', () => {
    expect(audits.map((c) => c.job)).toEqual(['audit']);
    expect(merges.map((c) => c.job)).toEqual(['merge']);
    for (const { argv } of audits) expect(parseAuditArgs(argv)).toEqual(expect.objectContaining({ outDir: expect.any(String) }));
    for (const { argv } of merges) expect(parseMergeArgs(argv.slice(1))).toEqual(expect.objectContaining({ outDir: expect.any(String) }));
  });

  it('splits the URL list over every machine of the matrix, and merges what the shards uploaded', () => {
    const audit = parseAuditArgs(audits[0]!.argv) as AuditOptions;
    expect(audit.shard).toEqual({ index: 1, count: shards.length });
    expect(audit.formats).toContain('json');
    const upload = stepsOf('audit').find((s) => String(s.uses).startsWith('actions/upload-artifact@'))!;
    expect(expand(String(map(upload.with).path)).replace(/\/$/, '')).toBe(audit.outDir);
    const download = stepsOf('merge').find((s) => String(s.uses).startsWith('actions/download-artifact@'))!;
    const artifact = new RegExp(`^${String(map(download.with).pattern).replace(/\*/g, '.*')}$`);
    expect(expand(String(map(upload.with).name))).toMatch(artifact);
    const merge = parseMergeArgs(merges[0]!.argv.slice(1)) as MergeOptions;
    const reportGlob = new RegExp(`^${merge.reports[0]!.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
    expect(`${audit.outDir}/report.json`).toMatch(reportGlob);
  });

  it('gates on the merged report and hands its JUnit and report.md to GitHub', () => {
    const merge = parseMergeArgs(merges[0]!.argv.slice(1)) as MergeOptions;
    expect(merge.failOn).not.toBe('none');
    expect(merge.formats).toEqual(expect.arrayContaining(['junit', 'markdown']));
    const steps = stepsOf('merge');
    const junit = steps.find((s) => String(s.uses).startsWith('mikepenz/action-junit-report@'))!;
    expect(map(junit.with).report_paths).toBe(`${merge.outDir}/report.junit.xml`);
    expect(steps.some((s) => s.run === `cat ${merge.outDir}/report.md >> "$GITHUB_STEP_SUMMARY"\n` || s.run === `cat ${merge.outDir}/report.md >> "$GITHUB_STEP_SUMMARY"`)).toBe(true);
    // After a failing gate, the summary, the check run and the artifact are still wanted.
    for (const step of steps.slice(steps.findIndex((s) => s.name === 'Merge and judge') + 1)) expect(step.if).toBe('${{ !cancelled() }}');
    const uploads = steps.filter((s) => String(s.uses).startsWith('actions/upload-artifact@'));
    expect(uploads.map((s) => String(map(s.with).path).replace(/\/$/, ''))).toEqual([merge.outDir]);
  });

  it('installs Chromium from apt where the CLI looks for it, and the auditor with npm ci', () => {
    const scripts = stepsOf('audit').map((s) => String(s.run ?? ''));
    expect(scripts.some((s) => /apt-get install -y .*\bchromium\b/.test(s))).toBe(true);
    expect(map(jobs.audit).container).toMatch(/bookworm/); // Debian's chromium lands in /usr/bin/chromium, the CLI's default
    for (const job of ['audit', 'merge']) expect(stepsOf(job).some((s) => /\bnpm ci\b/.test(String(s.run ?? '')))).toBe(true);
  });
});
