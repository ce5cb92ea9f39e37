import { createServer, type Server } from 'node:http';

/**
 * A loopback page used only to prove that the freshly installed extension records requests:
 * Chromium does not deliver the first navigation after install to the worker's webRequest
 * listeners. It is a server the browser talks to, not a request the CLI makes.
 */
export async function startWarmUpServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html><title>auditor warm-up</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/auditor-warm-up`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
