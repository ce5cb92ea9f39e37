/**
 * Splitting a paragraph of policy prose into sentences, so a draft can quote one sentence instead
 * of a paragraph. Policies are full of abbreviations ("e.g.", "Inc.", "U.S.") and the splitter
 * errs on the side of a longer quote: a merged sentence is still an exact quote, a wrongly split
 * one loses the words that give it meaning.
 */

/** A period after these never ends a sentence in policy prose ("e.g. Google", "Dr. Smith"). */
const NEVER_FINAL = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'viz', 'cf', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'fig', 'approx',
  'incl', 'art', 'sec', 'para', 'p', 'pp', 'vol', 'jr', 'sr', 'ca',
]);

// An end mark, optional closing quotes or brackets, whitespace, then what can open a sentence:
// a capital, a digit or an opening quote or bracket.
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    if (match[1] === '.' && !endsSentence(paragraph.slice(start, match.index))) continue;
    if (match[1] === '!' && isBrandExclamation(paragraph.slice(start, match.index))) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end + match[3]!.length;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter((s) => s !== '');
}

/** Whether a period right after `before` ends the sentence, judging by the word it ends. */
function endsSentence(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^["'“‘(\[]+/, '');
  if (NEVER_FINAL.has(bare.toLowerCase())) return false;
  // Dotted acronyms and initials: "U.S", "E.U", "J" (as in "John F. Kennedy").
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare) || /^\p{Lu}$/u.test(bare)) return false;
  return true;
}

/**
 * "banner ads from Burst! Media", "the Yahoo! Publisher Network": an exclamation mark glued to a
 * capitalised word that follows a lower-case word is part of a brand, not the end of a sentence.
 */
function isBrandExclamation(before: string): boolean {
  return /(?:^|\s)\p{Ll}[\p{L}-]*\s+\p{Lu}[\p{L}\p{N}]*$/u.test(before);
}
