import { describe, expect, it } from 'vitest';
import { sendWithRetry } from '../../lib/observe/page/send-with-retry';

describe('sendWithRetry', () => {
  it('tries again until the worker answers', async () => {
    let calls = 0;
    const waited: number[] = [];
    const ok = await sendWithRetry(
      async () => {
        if (++calls < 3) throw new Error('Receiving end does not exist');
        return true;
      },
      [10, 20, 30],
      async (ms) => void waited.push(ms),
    );
    expect(ok).toBe(true);
    expect(calls).toBe(3);
    expect(waited).toEqual([10, 20]);
  });

  it('gives up after the last delay', async () => {
    let calls = 0;
    const ok = await sendWithRetry(async () => {
      calls++;
      throw new Error('gone');
    }, [1, 1], async () => undefined);
    expect(ok).toBe(false);
    expect(calls).toBe(3);
  });

  it('tries again when the channel closed without an answer (the polyfill reports undefined, not an error)', async () => {
    const answers: unknown[] = [undefined, true];
    let calls = 0;
    const ok = await sendWithRetry(async () => answers[calls++], [1, 1], async () => undefined);
    expect(ok).toBe(true);
    expect(calls).toBe(2);
  });
});
