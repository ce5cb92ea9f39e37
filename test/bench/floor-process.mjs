// The floor as a process of its own, as anyone would script it: Node loads Playwright, launches
// headless Chromium, loads the page, waits 500 ms, closes. Arguments: <chromium> <host rules> <url>.
// Flags as the audit's, without the extension (lib/headless/chromium.ts).
import { chromium } from 'playwright-core';

const [executablePath, hostRules, url] = process.argv.slice(2);
const args = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--host-resolver-rules=${hostRules}`, '--ignore-certificate-errors'];
if (process.getuid?.() === 0) args.unshift('--no-sandbox');
const browser = await chromium.launch({ executablePath, headless: true, args });
const page = await browser.newPage({ ignoreHTTPSErrors: true });
await page.goto(url, { waitUntil: 'load' });
await page.waitForTimeout(500);
await browser.close();
