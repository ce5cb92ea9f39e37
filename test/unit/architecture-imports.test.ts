import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The pipeline, bottom up: a layer may import only the layers below it (and itself). Layers on
 * the same level are kept apart: observe and policy, store and export, the worker and headless.
 */
const LAYERS: Record<string, number> = {
  'lib/model': 0,
  'lib/classify': 1,
  'lib/observe': 2,
  'lib/policy': 2,
  'lib/audit': 3,
  'lib/store': 4,
  'lib/export': 4,
  'lib/extension': 5,
  'lib/headless': 5,
  'lib/ui': 6,
  components: 7,
  entrypoints: 8,
};

/** Page-side code talks to the worker through its message contract only, never its services. */
const ALLOWED_UPWARD_OR_SIDEWAYS = new Set(['lib/ui -> lib/extension/messages', 'components -> lib/extension/messages']);

function layerOf(path: string): string | undefined {
  return Object.keys(LAYERS)
    .filter((layer) => path === layer || path.startsWith(`${layer}/`))
    .sort((a, b) => b.length - a.length)[0];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** Every project-internal import of a file, as a path from the repository root (no extension). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    if (spec.startsWith('@/') || spec.startsWith('~/')) return [spec.slice(2)];
    if (spec.startsWith('.')) return [normalize(join(dirname(file), spec)).replace(/\\/g, '/')];
    return [];
  });
}

const FILES = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles);

function violations(): string[] {
  const found: string[] = [];
  for (const file of FILES) {
    const from = layerOf(file);
    if (!from) continue;
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      if (!to || to === from) continue;
      const allowed = LAYERS[to]! < LAYERS[from]! || ALLOWED_UPWARD_OR_SIDEWAYS.has(`${from} -> ${target.replace(/\.ts$/, '')}`);
      if (!allowed) found.push(`${file} imports ${target} (${from} may not import ${to})`);
    }
  }
  return found;
}

describe('import directions', () => {
  it('run one way, from the entrypoints down to the model', () => {
    expect(violations()).toEqual([]);
  });

  it('are checked on the real tree (the rule above sees the imports it judges)', () => {
    const classifyImports = importsOf('lib/classify/attribution.ts');
    expect(classifyImports).toContain('lib/model/observation');
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('keep the worker apart from page-side code, and classify below observe', () => {
    const imports = (layer: string) => FILES.filter((f) => layerOf(f) === layer).flatMap(importsOf);
    expect(imports('lib/extension').filter((t) => layerOf(t) === 'lib/ui')).toEqual([]);
    expect(imports('lib/classify').filter((t) => layerOf(t) === 'lib/observe')).toEqual([]);
  });
});

