import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { draftPolicy } from '../../lib/policy/draft';
import { precisionOf, recallOf, scoreDraft, sumScores, type DraftScore, type MeasureScore } from '../../lib/policy/draft-score';
import { policyTextFormatOf } from '../../lib/policy/text-input';

// Policy texts written for these tests in the style of 2004–2019 privacy and cookie policies, each
// beside a reviewer's reading (<name>.expected.json): the organizations that receive data, the
// generic kinds of recipient and the technologies the text declares. "traps" lists names the text
// mentions that are not recipients (laws, places, browsers, the site itself); they are documentation,
// the precision of the parties measures them.
const corpusDir = new URL('../fixtures/policies/corpus/', import.meta.url);

const ReviewerReadingFile = z.strictObject({
  site: z.string(),
  parties: z.array(z.union([z.string(), z.array(z.string()).min(1)])),
  categories: z.array(z.string()),
  technologies: z.array(z.string()),
  traps: z.array(z.string()),
});

const TARGETS = {
  parties: { recall: 0.95, precision: 0.95 },
  categories: { recall: 0.9, precision: 0.9 },
  technologies: { recall: 0.9, precision: 0.9 },
} as const;

const files = readdirSync(corpusDir);
const readingFileOf = (text: string) => text.replace(/\.[a-z]+$/, '.expected.json');
const texts = files.filter((file) => policyTextFormatOf(file) !== undefined && files.includes(readingFileOf(file))).sort();

function scoreText(file: string): DraftScore {
  const reading = ReviewerReadingFile.parse(
    JSON.parse(readFileSync(new URL(readingFileOf(file), corpusDir), 'utf8')),
  );
  const raw = readFileSync(new URL(file, corpusDir), 'utf8');
  const { policy } = draftPolicy(raw, policyTextFormatOf(file)!, { site: reading.site });
  return scoreDraft(policy.declarations, reading);
}

const percent = (value: number) => `${(value * 100).toFixed(0).padStart(3)}%`;
const line = (label: string, s: MeasureScore) =>
  `${label.padEnd(13)} recall ${percent(recallOf(s))} (${s.found}/${s.expected})  precision ${percent(precisionOf(s))} (${s.correct}/${s.drafted})`;

describe('drafts of the policy corpus', () => {
  const scores = new Map(texts.map((file) => [file, scoreText(file)]));
  const measures = ['parties', 'categories', 'technologies'] as const;
  const totals = Object.fromEntries(measures.map((m) => [m, sumScores([...scores.values()].map((s) => s[m]))])) as Record<
    (typeof measures)[number],
    MeasureScore
  >;

  it('has at least 14 texts, each with a reading', () => {
    expect(texts.length).toBeGreaterThanOrEqual(14);
  });

  it('prints per-text and total recall and precision', () => {
    const report: string[] = [];
    for (const [file, score] of scores) {
      report.push(file);
      for (const measure of measures) {
        const s = score[measure];
        const misses = s.missed.length > 0 ? `  missed: ${s.missed.join(', ')}` : '';
        const extras = s.extra.length > 0 ? `  extra: ${s.extra.join(', ')}` : '';
        report.push(`  ${line(measure, s)}${misses}${extras}`);
      }
    }
    report.push(`TOTAL (${texts.length} texts)`, ...measures.map((m) => `  ${line(m, totals[m])}`));
    console.log(report.join('\n'));
  });

  it.each(measures)('meets the recall and precision targets for %s', (measure) => {
    expect(recallOf(totals[measure])).toBeGreaterThanOrEqual(TARGETS[measure].recall);
    expect(precisionOf(totals[measure])).toBeGreaterThanOrEqual(TARGETS[measure].precision);
  });
});
