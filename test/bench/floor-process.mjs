// The floor as a process of its own, as anyone would script it: Node loads Playwright, launches
// headless Chromium, loads the page, waits 500 ms, closes. Arguments: <chromium> <url> <flag...>
// (the audit's flags without the extension, from audit-floor.ts).
import { chromium } from 'playwright-core';

const [executablePath, url, ...args] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath, headless: true, args });
const page = await browser.newPage({ ignoreHTTPSErrors: true });
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(500);
await browser.close();
