import { describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { clearRecord, readRecord } from '../../lib/headless/extension-record';

/** A worker that hangs: its calls never answer. */
const silentWorker = { evaluate: () => new Promise(() => {}) } as unknown as Worker;

describe('calls into the extension’s worker', () => {
  it('end with an error naming the call when the worker never answers, instead of waiting for ever', async () => {
    await expect(readRecord(silentWorker, 20)).rejects.toThrow("The extension's worker did not answer within 0.02 s when asked to read the record.");
    await expect(clearRecord(silentWorker, 20)).rejects.toThrow('when asked to clear the record');
  });

  it('read the record chunk by chunk as the worker hands it over', async () => {
    const record = Array.from({ length: 7_000 }, (_, i) => ({ id: `o${i}` }));
    let calls = 0;
    const worker = {
      evaluate: async (_fn: unknown, arg?: { from: number; size: number }) => {
        calls += 1;
        return arg ? JSON.stringify(record.slice(arg.from, arg.from + arg.size)) : record.length;
      },
    } as unknown as Worker;
    expect((await readRecord(worker, 1_000)).map((o) => o.id)).toEqual(record.map((o) => o.id));
    expect(calls).toBe(3); // the count, then two chunks of at most 5,000
  });
});
