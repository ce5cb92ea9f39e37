import lexicon from './english-lexicon.generated.json';

/**
 * English words, places and joining words (and, of, in…), from compromise's lexicon written out at
 * install (bin/build-lexicon.mjs). The sets are built on first use: most runs never draft a policy.
 */
let sets:
  | { words: Set<string>; places: Set<string>; joining: Set<string>; personal: Set<string>; placeKinds: Set<string>; longestPlace: number }
  | undefined;

function lexiconSets() {
  if (!sets) {
    const places = new Set(lexicon.places.split('|'));
    let longestPlace = 1;
    for (const place of places) longestPlace = Math.max(longestPlace, place.split(' ').length);
    const set = (list: string) => new Set(list.split('|'));
    sets = { words: set(lexicon.words), places, joining: set(lexicon.joining), personal: set(lexicon.personal), placeKinds: set(lexicon.placeKinds), longestPlace };
  }
  return sets;
}

/** Whether `word` (lower case, one word) is in the English lexicon. */
export function isEnglishWord(word: string): boolean {
  return lexiconSets().words.has(word);
}

/**
 * Whether `name` is a place: every word belongs to a known one (a country, region, city or
 * demonym), joining words aside ("Madrid", "San Antonio, Texas", "England and Wales"; places of
 * several words match longest first), or it is a name followed by a kind of place ("Howard Street").
 */
export function isPlaceName(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/\.$/, ''))
    .filter(Boolean);
  return isNamedPlace(words) || isKnownPlace(words);
}

/**
 * "Howard Street", "Lincoln Park": a person's or a place's name before a kind of place. Unknown
 * words do not count: "Digital River" is a company.
 */
function isNamedPlace(words: readonly string[]): boolean {
  const { personal, places, placeKinds } = lexiconSets();
  if (words.length < 2 || !placeKinds.has(words.at(-1)!)) return false;
  return words.slice(0, -1).every((word) => personal.has(word) || places.has(word));
}

function isKnownPlace(words: readonly string[]): boolean {
  const { places, joining, longestPlace } = lexiconSets();
  let placeWords = 0;
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(longestPlace, words.length - i); n >= 1 && matched === 0; n--) {
      if (places.has(words.slice(i, i + n).join(' '))) matched = n;
    }
    if (matched > 0) {
      placeWords += matched;
      i += matched;
    } else if (joining.has(words[i]!)) i += 1;
    else return false;
  }
  return placeWords > 0;
}
