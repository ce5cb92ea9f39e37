import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportJsonSchemaText } from '../../lib/model/report';

describe('schema/report.schema.json', () => {
  it('is the JSON Schema of the Report zod schema (regenerate: npx tsx schema/write-report-schema.ts)', () => {
    const committed = readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(reportJsonSchemaText());
  });

  it('names the contract fields CI jobs read', () => {
    const schema = JSON.parse(reportJsonSchemaText());
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'tool', 'startedAt', 'finishedAt', 'pages', 'observations', 'findings']));
    const observation = schema.properties.observations.items;
    expect(observation.required).toEqual(expect.arrayContaining(['id', 'kind', 'pageUrl', 'host', 'party', 'time']));
    expect(observation.properties.kind.enum).toEqual(['request', 'cookie', 'storage', 'beacon', 'flash']);
    expect(schema.properties.findings.items.properties.status.enum).toContain('undisclosed');
  });
});
