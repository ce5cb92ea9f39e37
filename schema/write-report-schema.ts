/**
 * Regenerates schema/report.schema.json from lib/export/report.ts:
 *   npx tsx schema/write-report-schema.ts (or npm run schema)
 * test/unit/report-schema.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchemaText } from '../lib/model/report';

const target = fileURLToPath(new URL('./report.schema.json', import.meta.url));
writeFileSync(target, reportJsonSchemaText());
console.log(`wrote ${target}`);
