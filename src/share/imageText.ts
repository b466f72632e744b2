/**
 * Text for exported SVG (and the PNG drawn from it): XML 1.0 allows no C0 control character other than tab,
 * line feed and carriage return, and no unpaired surrogate, so one such character in a task name would make
 * the whole image unreadable. Each is replaced by its visible Control Pictures sign (U+241B for escape, U+2421
 * for delete) or, for an unpaired surrogate, by U+FFFD. Line breaks become the same signs: an SVG text is one
 * line. Other text is kept as it is; markup is escaped by the XML serializer.
 */

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function sign(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

export function imageText(text: string): string {
  return text.replace(NOT_XML, sign);
}
