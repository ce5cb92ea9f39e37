import { Readability } from '@mozilla/readability';
import { extractPageText, MAX_POLICY_CHARS } from '@/lib/policy/page-text';

/** Injected by the worker into a tab showing a site's policy page: returns the page's readable text. */
export default defineUnlistedScript(() => extractPageText(Readability, MAX_POLICY_CHARS + 1));
