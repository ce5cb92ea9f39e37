/**
 * Cookie names as cookie tables write them: exact names (`_ga`, `AMP_TOKEN`) and patterns whose
 * variable part is written as `*` (`_ga_*`, `__utm*`), a placeholder in angle, square or curly
 * brackets (`_gat_<property-id>`, `_pk_id.[site]`), a run of x (`_hjSessionUser_xxxx`) or an
 * ellipsis (`_hjSession…`). Pure, so the schema, drafts and the audit read a name the same way.
 */

/** What stands for "any characters" in a declared name. */
const WILDCARD = /\*+|<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\}|\.\.\.|…|(?<![A-Za-z])(?:x{3,}|X{3,})(?![A-Za-z])/g;

/**
 * Separators no single cookie name contains (a cookie name cannot hold `;`, `,`, `=` or spaces),
 * outside placeholders: "_ga, _gid" is two cookies.
 */
const NOT_IN_A_NAME = /[;,=\s]/;

/** Whether the text is one cookie name or pattern, as opposed to a list or a sentence. */
export function isOneCookieName(name: string): boolean {
  const outsidePlaceholders = name.replace(WILDCARD, '');
  return name.trim() === name && name !== '' && !NOT_IN_A_NAME.test(outsidePlaceholders);
}

/** Whether the declared name has a variable part (`_ga_*`), as opposed to one exact name. */
export function isCookieNamePattern(name: string): boolean {
  return new RegExp(WILDCARD.source).test(name);
}

const matchers = new Map<string, RegExp>();

/**
 * Whether an observed cookie name is the declared name or fits its pattern. Case is ignored:
 * tables retype names (`_GA`), and two cookies whose names differ only by case are rare enough
 * that matching them is the better error than calling a listed cookie unlisted.
 */
export function cookieNameMatches(declared: string, observed: string): boolean {
  let matcher = matchers.get(declared);
  if (!matcher) {
    const literals = declared.split(WILDCARD).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // `_ga*` also names `_ga` itself; a placeholder (`_gat_<id>`) always stands for something.
    const wildcards = [...declared.matchAll(WILDCARD)].map(([w]) => (w.startsWith('*') ? '.*' : '.+'));
    matcher = new RegExp(`^${literals.map((literal, i) => literal + (wildcards[i] ?? '')).join('')}$`, 'i');
    matchers.set(declared, matcher);
  }
  return matcher.test(observed);
}
