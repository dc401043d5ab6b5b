/** UTF-8 bytes of a text, as the server counts a document (without building a copy of it). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one code point
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Why a document of `bytes` cannot be sent, or null: checked before it is put in the form or sent. */
export function sizeProblem(bytes: number, max: number | undefined, what: 'text' | 'file'): string | null {
  if (max === undefined || bytes <= max) return null;
  return `This ${what} is ${mb(bytes)}; a document can be at most ${mb(max)}. Split it, or upload the original file${what === 'file' ? ' in parts' : ''}.`;
}
