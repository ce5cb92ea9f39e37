/**
 * Regenerates schema/report.schema.json from lib/export/report.ts:
 *   npx tsx lib/export/write-report-schema.ts
 * test/unit/report-schema.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchemaText } from './report';

const target = fileURLToPath(new URL('../../schema/report.schema.json', import.meta.url));
writeFileSync(target, reportJsonSchemaText());
console.log(`wrote ${target}`);
