/**
 * Runs of capitalised words in a sentence: the shapes company names take in policy prose
 * ("Tribal Fusion", "Nielsen//NetRatings", "AT&T", "24/7 Real Media", "iCIMS", "Authorize.Net"),
 * each with the legal form written after it ("ValueClick, Inc.", "Amadeus IT Group, S.A.") split
 * off. Whether a run names a recipient is decided elsewhere (draft-name-evidence.ts).
 */

export interface NameRun {
  /** The name as written, without a legal form or a possessive ending. */
  name: string;
  /** Where the run starts in the sentence. */
  index: number;
  /** Where the run ends in the sentence, legal form included. */
  end: number;
  /** A legal form follows or closes the name: "Inc.", "Ltd", "GmbH", "S.L.", "Corporation". */
  legalForm: boolean;
  /** No words before it in the sentence other than punctuation. */
  sentenceInitial: boolean;
}

/**
 * A capitalised word, a word with an inner capital ("eBay", "iCIMS"), or a number that starts a
 * brand ("24/7"); inner dots, slashes, ampersands, hyphens and apostrophes keep it one word.
 */
const WORD = String.raw`(?:[\p{Lu}\p{N}][\p{L}\p{N}]*|\p{Ll}{1,3}\p{Lu}[\p{L}\p{N}]*)(?:(?:[.&'’/!-]|//)[\p{L}\p{N}]+)*!?`;

/** Lower-case words that stay inside a name: "Bank of America", "Procter & Gamble", "Seguros y Reaseguros". */
const JOINER = String.raw`(?:\s+(?:&|of|de|del|y|und|et)\s+|\s+)`;

const RUN = new RegExp(`(?<![\\p{L}\\p{N}@/._-])${WORD}(?:${JOINER}${WORD})*`, 'gu');

const LEGAL_FORM_WORDS = [
  'Inc', 'Incorporated', 'LLC', 'L.L.C', 'Ltd', 'Limited', 'GmbH', 'S.A', 'SA', 'S.L', 'SL', 'S.A.S', 'SAS', 'S.L.U',
  'plc', 'PLC', 'Corp', 'Corporation', 'Co', 'Company', 'B.V', 'BV', 'N.V', 'NV', 'AG', 'AB', 'ASA', 'Oy', 'Pty',
  'S.p.A', 'SpA', 'S.r.l', 'Srl', 'K.K', 'LLP', 'LP', 'N.A', 'SE', 'KG', 'SARL', 'S.à.r.l',
];
const LEGAL_FORM = new Set(LEGAL_FORM_WORDS.map((w) => w.toLowerCase()));

/** A legal form written after the run: ", Inc.", " (USA), Inc.", ", S.A.". */
const LEGAL_FORM_AFTER = new RegExp(
  String.raw`^(?:\s+\([^()]{1,24}\))?,?\s+(?:${LEGAL_FORM_WORDS.map((w) => w.replace(/\./g, '\\.')).join('|')})\.?(?![\p{L}\p{N}])`,
  'u',
);

export function nameRunsIn(sentence: string): NameRun[] {
  const runs: NameRun[] = [];
  for (const match of sentence.matchAll(RUN)) {
    // Words already read as the legal form of the run before ("ValueClick, Inc.").
    if (match.index < (runs.at(-1)?.end ?? 0)) continue;
    const run = readRun(sentence, match[0], match.index);
    if (run && !LEGAL_FORM.has(run.name.toLowerCase())) runs.push(run);
  }
  return runs;
}

function readRun(sentence: string, written: string, index: number): NameRun | undefined {
  const words = written.split(/\s+/);
  // The name ends at its first legal form ("Europ Assistance España S.A. de Seguros" → "Europ Assistance España").
  const legalAt = words.findIndex((word, i) => i > 0 && LEGAL_FORM.has(word.replace(/\.$/, '').toLowerCase()));
  let nameWords = legalAt === -1 ? words : words.slice(0, legalAt);
  let end = index + written.length;
  let legalForm = legalAt !== -1;
  if (!legalForm) {
    const after = LEGAL_FORM_AFTER.exec(sentence.slice(end));
    if (after) {
      legalForm = true;
      end += after[0].length;
    }
  }
  // "Adobe's website": the possessive ends the name.
  const possessive = nameWords.findIndex((word) => /['’]s$/.test(word));
  if (possessive !== -1) {
    nameWords = nameWords.slice(0, possessive + 1);
    nameWords[possessive] = nameWords[possessive]!.replace(/['’]s$/, '');
    if (legalAt === -1 || possessive < legalAt) {
      legalForm = false;
      end = index + sentence.slice(index).indexOf(nameWords.join(' ')) + nameWords.join(' ').length;
    }
  }
  while (nameWords.length > 0 && /^(?:&|of|de|del|y|und|et)$/.test(nameWords.at(-1)!)) nameWords.pop();
  // "© 2009 Harborline Outfitters": a year or a count is not part of the name that follows.
  while (nameWords.length > 1 && /^\d+$/.test(nameWords[0]!)) {
    index += sentence.slice(index).indexOf(nameWords[1]!);
    nameWords.shift();
  }
  const name = nameWords.join(' ').replace(/[.]$/, '');
  if (!/\p{L}/u.test(name)) return undefined;
  return {
    name,
    index,
    end,
    legalForm,
    sentenceInitial: /^[\s"'“‘(\[*_•-]*$/.test(sentence.slice(0, index)),
  };
}

/** The words of a name, lower-cased and without edge punctuation. */
export function wordsOf(name: string): string[] {
  return name
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase())
    .filter(Boolean);
}

/** "CIFAS", "AT&T", "U.S.": letters all capitals, at most six of them. */
export function isAcronym(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  return !/\s/.test(name) && letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase();
}
