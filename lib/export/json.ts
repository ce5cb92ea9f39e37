import { parseReport, type Report } from '../model/report';

/**
 * report.json: the report validated against its schema, pretty-printed.
 * Validation happens here, at the last moment before the data leaves the program, so a bug
 * upstream fails loudly with the field's path ("report.json: findings[2].status: …") instead of
 * producing a file that readers reject later. What is written is the parsed value: fields the
 * schema does not know are dropped and defaults are filled in, so the file matches the schema.
 */
export function toJson(report: Report): string {
  return `${JSON.stringify(parseReport(report, 'report.json'), null, 2)}\n`;
}
