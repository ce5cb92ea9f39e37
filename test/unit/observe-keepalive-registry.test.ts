import { describe, expect, it } from 'vitest';
import { KeepaliveRegistry } from '../../lib/observe/keepalive-registry';

describe('KeepaliveRegistry', () => {
  it('stays bounded under a flood of forged hook reports, keeping the newest', () => {
    let now = 0;
    const registry = new KeepaliveRegistry(() => now);
    for (let i = 0; i < 20_000; i++) registry.mark(1, `https://t.test/${i}`);
    expect(registry.has(1, 'https://t.test/19999')).toBe(true);
    expect(registry.has(1, 'https://t.test/0')).toBe(false);
    const kept = Array.from({ length: 20_000 }, (_, i) => registry.has(1, `https://t.test/${i}`)).filter(Boolean).length;
    expect(kept).toBe(2_000);
  });

  it('matches a long URL the hook reported cut with the whole URL the network saw', () => {
    const registry = new KeepaliveRegistry(() => 0);
    const url = `https://t.test/k?${'q'.repeat(5_000)}`;
    registry.mark(1, url.slice(0, 2_048), url.length);
    expect(registry.has(1, url)).toBe(true);
    expect(registry.has(1, `${url}x`)).toBe(false);
    registry.rememberRequest({ id: 'r', kind: 'request', pageUrl: 'https://p.test/', url, host: 't.test', party: 'third', time: 0, source: 'network', tabId: 1 });
    expect(registry.lastRequest(1, url.slice(0, 2_048), url.length)?.id).toBe('r');
  });

  it('forgets a mark after a minute, and a repeated mark counts from its last report', () => {
    let now = 0;
    const registry = new KeepaliveRegistry(() => now);
    registry.mark(1, 'https://t.test/a');
    registry.mark(1, 'https://t.test/b');
    now = 50_000;
    registry.mark(1, 'https://t.test/a');
    now = 70_000;
    registry.mark(2, 'https://t.test/c');
    expect([registry.has(1, 'https://t.test/a'), registry.has(1, 'https://t.test/b'), registry.has(2, 'https://t.test/c')]).toEqual([true, false, true]);
  });
});
