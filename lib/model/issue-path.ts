/** `declarations[3].technologies[1]`, or `(root)` for the document itself: where a schema check failed. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return text.replace(/^\./, '') || '(root)';
}
