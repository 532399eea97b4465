/**
 * A linear scan over the tags of an XML text: no regular expression that
 * could backtrack over a hostile part, one pass whatever the input.
 * Enough for spreadsheet parts once DOCTYPE and entities are refused;
 * comments, CDATA and processing instructions come out as tags named
 * `!…` or `?…` and can be skipped.
 */

/** One tag: its name (with any namespace prefix removed), its attribute text, and where it sits. */
export interface XmlTag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** The text between the name and the closing `>` (or `/>`). */
  attributes: string;
  /** Offset of `<` and just past `>`. */
  start: number;
  end: number;
}

/**
 * Every tag of an XML text in order. Stops at a `<` with no `>` after it.
 *
 * @example
 * [...xmlTags('<x:c r="A1"><v>1</v></x:c>')].map((t) => `${t.closing ? '/' : ''}${t.name}`) // ['c', 'v', '/v', '/c']
 */
export function* xmlTags(xml: string): Generator<XmlTag> {
  let at = 0;
  for (;;) {
    const start = xml.indexOf('<', at);
    if (start === -1) return;
    const close = xml.indexOf('>', start);
    if (close === -1) return;
    at = close + 1;
    const closing = xml[start + 1] === '/';
    const selfClosing = xml[close - 1] === '/';
    const bodyStart = start + (closing ? 2 : 1);
    let nameEnd = bodyStart;
    while (nameEnd < close && !/[\s/]/.test(xml[nameEnd]!)) nameEnd++;
    const qualified = xml.slice(bodyStart, nameEnd);
    const colon = qualified.indexOf(':');
    yield {
      name: colon === -1 ? qualified : qualified.slice(colon + 1),
      closing,
      selfClosing,
      attributes: xml.slice(nameEnd, selfClosing ? close - 1 : close),
      start,
      end: close + 1,
    };
  }
}

/**
 * The attributes of a tag's attribute text, by name as written (`r:id`)
 * and by local name (`id`, unless an unprefixed `id` is there too); values
 * keep their entities. Stops at anything malformed.
 *
 * @example
 * tagAttributes(' name="得分" sheetId="1" r:id="rId1"').get('id') // 'rId1'
 */
export function tagAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  for (;;) {
    const equals = text.indexOf('=', at);
    if (equals === -1) break;
    const name = text.slice(at, equals).trim();
    const quote = text[equals + 1];
    if (quote !== '"' && quote !== "'") break;
    const end = text.indexOf(quote, equals + 2);
    if (end === -1) break;
    const value = text.slice(equals + 2, end);
    out.set(name, value);
    const local = name.slice(name.indexOf(':') + 1);
    if (local !== name && !out.has(local)) out.set(local, value);
    at = end + 1;
  }
  return out;
}
