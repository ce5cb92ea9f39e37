/**
 * Text from the audited site (URLs, party names, policy titles, page errors) inside GitHub-flavoured
 * markdown. Without escaping, a page could break a table with `|` or a newline, open a code span
 * with a backtick, forge a link with brackets, inject HTML with `<`, or ping people in a pull
 * request comment with `@name`.
 */
export function markdownText(value: string): string {
  return (
    value
      .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
      // Brackets escaped, a parenthesis can no longer complete a link: it stays as written.
      .replace(/[\\`|[\]*_~#]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // GitHub finds mentions in the rendered text, so an entity would still ping; a zero-width space does not (as Dependabot does).
      .replace(/@/g, '@\u200B')
  );
}

/** Markdown built from escaped parts and checked paths (a link to a file beside the report): kept as is in a table. */
export class MarkdownMarkup {
  constructor(readonly text: string) {}
}

/** One table row; every text cell is escaped here, so callers cannot forget it. */
export function markdownRow(cells: readonly (string | MarkdownMarkup)[]): string {
  return `| ${cells.map((cell) => (cell instanceof MarkdownMarkup ? cell.text : markdownText(cell))).join(' | ')} |`;
}

/** A table: heading, the alignment line (`r` right-aligns a column), the rows. */
export function markdownTable(heading: readonly string[], rows: readonly (readonly (string | MarkdownMarkup)[])[], align = ''): string[] {
  const rule = heading.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [markdownRow(heading), `| ${rule.join(' | ')} |`, ...rows.map(markdownRow)];
}
