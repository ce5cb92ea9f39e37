import type { BuiltinOrganization } from '../builtin-schema';
import { ADVERTISING_ORGANIZATIONS } from './advertising';
import { ANALYTICS_ORGANIZATIONS } from './analytics';
import { CONSENT_TAGS_MEDIA_ORGANIZATIONS } from './consent-tags-media';
import { INFRASTRUCTURE_ORGANIZATIONS } from './infrastructure';
import { MARKETING_AND_SUPPORT_ORGANIZATIONS } from './marketing-and-support';
import { PLATFORM_ORGANIZATIONS } from './platforms';
import { SOCIAL_ORGANIZATIONS } from './social';

/**
 * Every organization the project knows without any tracker list. Split across files only to keep
 * each readable; a domain must appear once across all of them (test/unit/classify-builtin.test.ts).
 */
export const BUILTIN_ORGANIZATIONS: readonly BuiltinOrganization[] = deepFreeze([
  ...PLATFORM_ORGANIZATIONS,
  ...SOCIAL_ORGANIZATIONS,
  ...ADVERTISING_ORGANIZATIONS,
  ...ANALYTICS_ORGANIZATIONS,
  ...MARKETING_AND_SUPPORT_ORGANIZATIONS,
  ...CONSENT_TAGS_MEDIA_ORGANIZATIONS,
  ...INFRASTRUCTURE_ORGANIZATIONS,
]);

/** findOrganization hands these objects out; a caller editing one would corrupt the shared indexes. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
