import { parse } from 'tldts';
import { z } from 'zod';
import { TrackerCategory } from './category';

/**
 * A host name the organization operates, lower case, without scheme or wildcard. It matches itself
 * and every subdomain. It may be deeper than a registrable domain (`analytics.google.com`, to give
 * one product its own category) or a *private* public suffix the organization runs for its
 * customers (`cloudfront.net`, `github.io`): tenants there are attributed to the platform. An ICANN
 * suffix (`com`, `co.uk`) or an IP address would claim hosts nobody operates, so it is refused.
 */
export const OperatedDomain = z
  .string()
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, 'a lower-case host name')
  .refine((domain) => {
    const parsed = parse(domain, { allowPrivateDomains: true });
    return !parsed.isIp && !(parsed.domain === null && parsed.isIcann);
  }, 'an ICANN public suffix or IP address, which no single organization operates');

/** A product of an organization whose domains do something other than the organization's main business. */
export const BuiltinService = z
  .object({
    name: z.string().min(1),
    category: TrackerCategory,
    domains: z.array(OperatedDomain).min(1),
  })
  .strict();
export type BuiltinService = z.infer<typeof BuiltinService>;

export const BuiltinOrganization = z
  .object({
    /** Stable key for tests and reports; kebab-case. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** The name a reader would recognise, preferably the one privacy policies use. */
    name: z.string().min(1),
    /** Former names, brands and acquired companies that policies may name instead. */
    aliases: z.array(z.string().min(1)).optional(),
    /** Owning company when it is itself known under another name (LinkedIn → Microsoft). */
    parent: z.string().min(1).optional(),
    /** Category of `domains`; services carry their own. */
    category: TrackerCategory,
    domains: z.array(OperatedDomain),
    services: z.array(BuiltinService).optional(),
  })
  .strict()
  .refine((org) => org.domains.length > 0 || (org.services?.length ?? 0) > 0, {
    message: 'an organization needs at least one domain',
  });
export type BuiltinOrganization = z.infer<typeof BuiltinOrganization>;
