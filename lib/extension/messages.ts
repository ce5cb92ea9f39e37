import { z } from 'zod';

/** Messages extension pages (popup, report page) send to the background. Validated on arrival. */
export const BackgroundRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flush') }),
  z.object({ type: z.literal('observations'), tabId: z.number().int().optional() }),
  z.object({ type: z.literal('clear') }),
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
