import { isOneCookieName } from './cookie-name';

/**
 * Cookie and sub-processor tables ("Cookie | Provider | Purpose | Lifetime") name a provider per
 * row in one column, and cookie tables name the cookie and its lifetime in others. The text reader
 * keeps each row as one paragraph with cells between bars; this finds the columns from the header
 * row and gives each following row its cells.
 */

const PROVIDER_HEADER =
  /^(?:provider|provided by|set by|placed by|company|third[\s-]party|service|service provider|sub-?processor|processor|vendor|party|supplier|host|source|owner|recipient|name of (?:the )?(?:provider|company|third party)|(?:cookie )?provider name)$/i;

/** A column of cookie names, whatever else the table says. */
const COOKIE_NAME_HEADER = /^(?:cookies?|cookie names?|names? of (?:the )?cookies?|cookie ?(?:id|key)s?)$/i;
/** "Name" names cookies only in a table that also says how long each lives. */
const NAME_HEADER = /^(?:names?|keys?|identifiers?)$/i;
/** Where a table names no provider, the domain that sets the cookie stands for it. */
const DOMAIN_HEADER = /^(?:domains?|cookie domain|set on)$/i;
const PURPOSE_HEADER = /^(?:purposes?|descriptions?|what (?:it|they) do(?:es)?|functions?|used for|use|details|why we use (?:it|them)|purpose of (?:the )?cookies?)$/i;
const LIFETIME_HEADER =
  /^(?:lifetimes?|life ?span|expiry|expiry date|expiration|expiration date|expires?(?: after| in)?|duration|cookie duration|storage (?:period|duration)|retention(?: period)?|max[\s-]?age|validity|persistence|how long)$/i;

export interface TableRow {
  provider?: string;
  /** The cells as written: the cookie names cell, the purpose cell and the lifetime cell. */
  cookies?: string;
  purpose?: string;
  lifetime?: string;
}

interface Columns {
  provider: number;
  cookies: number;
  purpose: number;
  lifetime: number;
}

export const cellsOf = (paragraph: string) => paragraph.split(/\s*(?<!\\)\|\s*/).map((c) => c.trim());
const isRow = (paragraph: string) => / \| /.test(paragraph);
const headerText = (cell: string) => cell.replace(/[*_:]/g, '').replace(/\s+/g, ' ').trim();

function columnsOf(cells: readonly string[]): Columns | undefined {
  const find = (pattern: RegExp) => cells.findIndex((cell) => pattern.test(headerText(cell)));
  const lifetime = find(LIFETIME_HEADER);
  const cookieColumn = find(COOKIE_NAME_HEADER);
  const provider = find(PROVIDER_HEADER);
  const columns = {
    provider: provider !== -1 ? provider : find(DOMAIN_HEADER),
    cookies: cookieColumn !== -1 ? cookieColumn : lifetime !== -1 ? find(NAME_HEADER) : -1,
    purpose: find(PURPOSE_HEADER),
    lifetime,
  };
  return columns.provider !== -1 || columns.cookies !== -1 ? columns : undefined;
}

/** For each paragraph of a section, the cells of the table row it is, when a header row named them. */
export function tableRowsOf(paragraphs: readonly string[]): (TableRow | undefined)[] {
  let columns: Columns | undefined;
  return paragraphs.map((paragraph) => {
    if (!isRow(paragraph)) {
      columns = undefined;
      return undefined;
    }
    const cells = cellsOf(paragraph);
    const header = columnsOf(cells);
    if (header) {
      columns = header;
      return undefined;
    }
    if (!columns) return undefined;
    const cell = (index: number) => (index === -1 ? undefined : cells[index] || undefined);
    const row: TableRow = {
      provider: cell(columns.provider),
      cookies: cell(columns.cookies),
      purpose: cell(columns.purpose),
      lifetime: cell(columns.lifetime),
    };
    return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as TableRow;
  });
}

/** For each paragraph of a section, the provider named in its table row, if it is one. */
export function providerCellsOf(paragraphs: readonly string[]): (string | undefined)[] {
  return tableRowsOf(paragraphs).map((row) => row?.provider);
}

/**
 * The cookie names a names cell lists ("_ga, _gid", "_ga and _gid", "_ga / _gid"), or undefined when
 * the cell is not a list of names ("Google Analytics cookies"). A remark in brackets is left out.
 */
export function cookieNamesIn(cell: string): string[] | undefined {
  const names = cell
    .replace(/\s+\([^()]*\)/g, '')
    .split(/\s*[,;]\s*|\s+(?:and|or|&|\/)\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length > 0 && names.every(isOneCookieName) ? names : undefined;
}
