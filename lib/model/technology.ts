import { z } from 'zod';

/** How something reaches or stays with the visitor. `technologyOf` maps every observation to one. */
export const Technology = z
  .enum(['cookie', 'beacon', 'script', 'widget', 'local-storage', 'flash-lso', 'log-data'])
  .describe(
    'cookie: HTTP or script cookies. beacon: pixels, sendBeacon, pings. script: code run in the page and the ' +
      'requests it makes (the policy wording "tags and scripts"). widget: embedded frames and plugin objects ' +
      '(buttons, players, ads in frames). local-storage: Web Storage, IndexedDB, Cache Storage. flash-lso: Flash ' +
      'Local Shared Objects. log-data: the request itself (IP address, browser, page) with no code or storage.',
  );
export type Technology = z.infer<typeof Technology>;
