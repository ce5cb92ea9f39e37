/** `<embed>`/`<object>` elements that hold Flash: by MIME type, by class id, or by a .swf URL. */
export function flashElementsIn(doc: Document): { url: string; element: 'embed' | 'object' }[] {
  const found: { url: string; element: 'embed' | 'object' }[] = [];
  for (const el of doc.querySelectorAll('embed, object')) {
    const element = el.localName === 'embed' ? 'embed' : 'object';
    const source = el.getAttribute(element === 'embed' ? 'src' : 'data') ?? movieParam(el) ?? '';
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    const classId = (el.getAttribute('classid') ?? '').toLowerCase();
    const isFlash =
      type.includes('shockwave-flash') ||
      classId === 'clsid:d27cdb6e-ae6d-11cf-96b8-444553540000' ||
      /\.swf(?:[?#]|$)/i.test(source);
    if (!isFlash) continue;
    let url = source;
    try {
      url = new URL(source, doc.baseURI).href;
    } catch {
      // keep the attribute as written
    }
    found.push({ url: url || doc.baseURI, element });
  }
  return found;
}

function movieParam(el: Element): string | null {
  return el.querySelector('param[name="movie" i]')?.getAttribute('value') ?? null;
}
