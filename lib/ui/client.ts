import { browser } from 'wxt/browser';
import type { RequestOf, RequestType, ResponseMap } from '../extension/messages';

/** Extension pages ask the background through this, typed by request. */
export async function ask<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]> {
  return (await browser.runtime.sendMessage(request)) as ResponseMap[T];
}

/** One line for an error banner. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
