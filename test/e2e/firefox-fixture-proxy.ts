import { createServer, request as httpRequest } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { FixtureServer } from '../fixtures/server';

/**
 * An HTTP proxy in front of the fixture web, for Firefox, which has no --host-resolver-rules:
 * a PAC script sends every request here, and the proxy sends https (CONNECT to port 443) to the
 * fixture's TLS port and plain http to its HTTP port, keeping the host name the page asked for.
 * The browser still resolves nothing itself, so no request leaves the machine.
 */
export interface FixtureProxy {
  port: number;
  /** Firefox preferences that route all of the browser's traffic through this proxy. */
  firefoxPrefs: Record<string, string | number | boolean>;
  /** Hosts the browser asked to reach ("host:port" for CONNECT, the host for plain http). */
  tunnels: string[];
  close(): Promise<void>;
}

export async function startFixtureProxy(fixture: FixtureServer): Promise<FixtureProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    // A proxied plain-http request carries the absolute URL; the fixture routes by Host.
    const url = new URL(req.url ?? '/', 'http://unknown.invalid');
    tunnels.push(url.host);
    const upstream = httpRequest(
      { host: '127.0.0.1', port: fixture.httpPort, method: req.method, path: `${url.pathname}${url.search}`, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    tunnels.push(target);
    const port = target.endsWith(':443') ? fixture.port : fixture.httpPort;
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const pac = `function FindProxyForURL(url, host) { return "PROXY 127.0.0.1:${port}"; }`;
  return {
    port,
    tunnels,
    firefoxPrefs: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}`,
      // Prefetching the names of links would look them up outside the proxy.
      'network.dns.disablePrefetch': true,
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}
