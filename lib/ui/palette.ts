import { PALETTE_CSS } from '../export/palette';

/** Puts the shared status palette (the HTML export's) into an extension page. */
export function installPalette(doc: Document = document): void {
  const style = doc.createElement('style');
  style.textContent = PALETTE_CSS;
  doc.head.prepend(style);
}
