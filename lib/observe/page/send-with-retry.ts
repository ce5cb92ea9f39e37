/**
 * Sends a batch to the background, trying again while the worker restarts: a message sent to a
 * worker that is stopping fails ("Receiving end does not exist"), and the batch would be lost.
 * Only an answer of `true` means the batch is stored: a channel that closes before anyone answered
 * ("The message port closed before a response was received") reaches the page through the browser
 * polyfill as an answer of `undefined`, not as a failure. (A worker stopped after it took the batch
 * makes the send fail outright.)
 */
export async function sendWithRetry(
  send: () => Promise<unknown>,
  delaysMs: readonly number[] = [100, 250, 500, 1000, 2000, 4000],
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const stored = await send().then(
      (answer) => answer === true,
      () => false,
    );
    if (stored) return true;
    const delay = delaysMs[attempt];
    if (delay === undefined) return false; // the extension is gone (reloaded or removed)
    await sleep(delay);
  }
}
