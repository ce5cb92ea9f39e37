import { parsePolicy } from '../policy/parse';
import { savedPolicyKey, type PolicyStore } from '../store/policy-store';
import { AUTO_POLICY, type PolicyInfo, type PolicyListing, type RequestOf, type ResponseMap, type SavePolicyResult } from './messages';
import { bundledPolicies, savedPolicyEntry, type PolicyEntry } from './policy-catalog';

/** The options page's requests: list, read, save, delete policies and pick one per site. */
export class PolicyAdmin {
  constructor(
    private readonly store: PolicyStore,
    /** Called after anything that can change which policy judges a site (badges are recounted). */
    private readonly onChange: () => void = () => {},
  ) {}

  async list(): Promise<PolicyListing> {
    const saved = (await this.store.all()).map(savedPolicyEntry);
    return { policies: [...saved, ...bundledPolicies()].map(toInfo), choices: await this.store.choices() };
  }

  async get(key: string): Promise<ResponseMap['get-policy']> {
    const saved = await this.store.get(key);
    if (saved) {
      const { origin, file, json, sourceText } = saved;
      return { key, origin, file, json, ...(sourceText === undefined ? {} : { sourceText }) };
    }
    const bundled = bundledPolicies().find((e) => e.key === key);
    return bundled?.policy ? { key, origin: 'bundled', file: bundled.file, json: bundled.policy } : null;
  }

  /**
   * Validates and saves. The error is parsePolicy's one line (file, field, problem). A draft's
   * quotes are checked against the text it was drafted from, as the CLI checks policy files.
   */
  async save(request: RequestOf<'save-policy'>, now: number): Promise<SavePolicyResult> {
    let id: string;
    try {
      id = parsePolicy(request.json, request.file, request.sourceText || undefined).id;
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const key = savedPolicyKey(id);
    await this.store.save({
      key,
      origin: request.origin,
      file: request.file,
      json: request.json,
      ...(request.sourceText ? { sourceText: request.sourceText } : {}),
      savedAt: now,
    });
    this.onChange();
    return { ok: true, key };
  }

  async delete(key: string): Promise<void> {
    await this.store.delete(key);
    this.onChange();
  }

  async choose(site: string, choice: string): Promise<void> {
    await this.store.choose(site, choice === AUTO_POLICY ? undefined : choice);
    this.onChange();
  }
}

function toInfo(entry: PolicyEntry): PolicyInfo {
  const { key, origin, file, policy, error } = entry;
  if (!policy) return { key, origin, file, ...(error ? { error } : {}) };
  return {
    key,
    origin,
    file,
    id: policy.id,
    title: policy.source.title,
    siteName: policy.site.name,
    firstPartyDomains: policy.site.firstPartyDomains,
    declarations: policy.declarations.length,
  };
}
