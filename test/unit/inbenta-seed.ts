import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The Inbenta policy text (2015) is not in this repository: it lies in `../shared/seeds/` beside
 * a checkout of ours. A clone on its own has no such folder; the tests that read the text are then
 * skipped, and say so once, so a green run never hides that they did not run.
 */
export const SEED_RELATIVE = '../shared/seeds/inbenta-privacy-policy-2015.md';
export const SEED_FILE = fileURLToPath(new URL(`../../${SEED_RELATIVE}`, import.meta.url));
export const SEED_PRESENT = existsSync(SEED_FILE);

if (!SEED_PRESENT) {
  console.warn(`note: ${SEED_FILE} is not beside this checkout: the tests that read the Inbenta policy text are skipped`);
}

/** The seed text; only call where SEED_PRESENT (inside describeWithSeed / itWithSeed). */
export function readSeed(): string {
  return readFileSync(SEED_FILE, 'utf8');
}

export const describeWithSeed = SEED_PRESENT ? describe : describe.skip;
export const itWithSeed = SEED_PRESENT ? it : it.skip;
