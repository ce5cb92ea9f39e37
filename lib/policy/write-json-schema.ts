/**
 * Regenerates policy/policy.schema.json from lib/policy/schema.ts:
 *   npx tsx lib/policy/write-json-schema.ts
 * test/unit/policy-schema.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policyJsonSchemaText } from './schema';

const target = fileURLToPath(new URL('../../policy/policy.schema.json', import.meta.url));
writeFileSync(target, policyJsonSchemaText());
console.log(`wrote ${target}`);
