/**
 * Cookie and sub-processor tables ("Cookie | Provider | Purpose | Lifetime") name a provider per
 * row in one column. The text reader keeps each row as one paragraph with cells between bars; this
 * finds the provider column from the header row and gives each following row its provider cell.
 */

const PROVIDER_HEADER =
  /^(?:provider|provided by|set by|placed by|company|third[\s-]party|service|service provider|sub-?processor|processor|vendor|party|supplier|host|source|owner|recipient|name of (?:the )?(?:provider|company|third party)|(?:cookie )?provider name)$/i;

const cellsOf = (paragraph: string) => paragraph.split(/\s+\|\s+/).map((c) => c.trim());
const isRow = (paragraph: string) => / \| /.test(paragraph);

/** For each paragraph of a section, the provider named in its table row, if it is one. */
export function providerCellsOf(paragraphs: readonly string[]): (string | undefined)[] {
  const providers: (string | undefined)[] = paragraphs.map(() => undefined);
  let column = -1;
  paragraphs.forEach((paragraph, index) => {
    if (!isRow(paragraph)) {
      column = -1;
      return;
    }
    const cells = cellsOf(paragraph);
    const header = cells.findIndex((cell) => PROVIDER_HEADER.test(cell.replace(/[*_:]/g, '').trim()));
    if (header !== -1) column = header;
    else if (column !== -1) providers[index] = cells[column] || undefined;
  });
  return providers;
}
