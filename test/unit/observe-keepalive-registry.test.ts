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
