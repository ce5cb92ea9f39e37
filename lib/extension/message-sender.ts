/**
 * Whether a message comes from one of the extension's own pages (popup, report, options): the
 * extension's id and a document on its own origin. A content script's messages carry the audited
 * page's URL, and other extensions carry another id.
 */
export function isExtensionPage(sender: { id?: string; url?: string }, extensionId: string, ownOrigin: string): boolean {
  // By prefix: URL parsers outside the browser give extension schemes an opaque ("null") origin.
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(`${ownOrigin}/`);
}
