/**
 * Cookie lifetimes as policies write them ("2 years", "24 hours", "Session", "1 year 1 month",
 * "up to 13 months", "Persistent") → seconds, so an audit can hold an observed cookie's lifetime
 * against the declared one. Pure; used by drafts and by anyone encoding a cookie table by hand.
 */

const DAY = 86_400;

/** A month and a year as calendars average them, so "13 months" is no shorter than 395 days of a real calendar. */
const UNIT_SECONDS: readonly [RegExp, number][] = [
  [/^(?:s|secs?|seconds?)$/, 1],
  [/^(?:m|mins?|minutes?)$/, 60],
  [/^(?:h|hrs?|hours?)$/, 3_600],
  [/^(?:d|days?)$/, DAY],
  [/^(?:w|wks?|weeks?)$/, 7 * DAY],
  [/^(?:mo|mos|mths?|months?)$/, 30 * DAY],
  [/^(?:y|yrs?|years?)$/, 365 * DAY],
];

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, thirty: 30,
};

/** Words that say the cookie is deleted when the browser closes. */
const SESSION = /\b(?:session|browser\s+(?:is\s+)?clos|clos(?:e|ing)\s+(?:of\s+)?(?:the\s+|your\s+)?browser|end\s+of\s+(?:the\s+|your\s+)?visit)/i;

const TOKENS = /\d+(?:[.,]\d+)?|[a-z]+/g;

/**
 * Seconds the words declare: a number; null for a session cookie; undefined when the words give no
 * length ("Persistent", "Varies", "See provider").
 */
export function lifetimeSecondsOf(text: string): number | null | undefined {
  const words = text.trim().toLowerCase();
  // A range ("30 seconds to 1 year", "up to 2 years") declares its longest end; "1 year 1 month" adds up.
  const ends = words.split(/\s+(?:to|or|-|–|—)\s+/).map(sumOf).filter((s): s is number => s !== undefined);
  if (ends.length > 0) return Math.max(...ends);
  return SESSION.test(words) ? null : undefined;
}

function sumOf(words: string): number | undefined {
  const tokens = words.match(TOKENS) ?? [];
  let total: number | undefined;
  tokens.forEach((token, index) => {
    const amount = amountOf(token);
    const unitText = tokens[index + 1];
    const unit = unitText === undefined ? undefined : UNIT_SECONDS.find(([pattern]) => pattern.test(unitText));
    if (amount === undefined || !unit) return;
    total = (total ?? 0) + amount * unit[1];
  });
  return total === undefined ? undefined : Math.round(total);
}

function amountOf(text: string): number | undefined {
  if (/^\d/.test(text)) return Number(text.replace(',', '.'));
  return NUMBER_WORDS[text];
}
