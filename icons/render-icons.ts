import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../lib/headless/chromium';

/*
 * Renders icons/icon.svg into the PNG sizes browsers ask an extension for (toolbar 16/32, extension
 * pages 48, store and install dialog 128). WXT puts public/icon/<size>.png into the manifest.
 * Chromium draws the SVG: it is installed for the tests anyway, and no image package is needed.
 * Run again after changing the SVG: `npm run icons`.
 */

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128] as const;

async function main(): Promise<void> {
  const svg = await readFile(join(ROOT, 'icons', 'icon.svg'), 'utf8');
  const outDir = join(ROOT, 'public', 'icon');
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${sized}</body>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
      await writeFile(join(outDir, `${size}.png`), png);
      await page.close();
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
