/**
 * Canonical form for comparing organization names as policies write them: case, accents,
 * punctuation and a trailing legal form do not matter ("Hotjar Ltd." = "hotjar", "Act-On" = "act on").
 */
export function normalizeOrganizationName(name: string): string {
  let key = normalized.get(name);
  if (key === undefined) {
    key = normalize(name);
    // The names of one report are a few hundred; a run over many sites starts the memo afresh.
    if (normalized.size >= MEMO_NAMES) normalized.clear();
    normalized.set(name, key);
  }
  return key;
}

/** Every finding and every observation asks again for the same few names: they are normalized once. */
const MEMO_NAMES = 10_000;
const normalized = new Map<string, string>();

function normalize(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // "Ståhl & Co" → "stahl": the legal form, then the "and" that joined it.
  while (words.length > 1 && (LEGAL_FORMS.has(words.at(-1)!) || words.at(-1) === 'and')) words.pop();
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words.join(' ');
}

const LEGAL_FORMS = new Set([
  'inc', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag', 'sa', 'sas',
  'bv', 'nv', 'plc', 'ab', 'as', 'oy', 'srl', 'spa', 'pty', 'kk',
]);

/**
 * An organization's name as an id part ("Act-On" → `acton`): the normalized name without spaces,
 * so findings about one organization share an id whichever spelling named it.
 */
export function organizationSlug(name: string): string {
  return normalizeOrganizationName(name).replace(/ /g, '');
}

/** Whether two names, as policies and databases spell them, are the same organization. */
export function sameOrganization(a: string, b: string): boolean {
  const key = normalizeOrganizationName(a);
  return key !== '' && key === normalizeOrganizationName(b);
}
