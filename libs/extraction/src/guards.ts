import { Parser } from 'htmlparser2';
import JSZip from 'jszip';
import { overLimit, UnreadableDocumentError, type ExtractionLimits } from './limits.js';

/*
 * Checks that run before the expensive step they protect, reading the input the way that step will
 * (the same ZIP reader as mammoth, the same HTML tokenizer as linkedom), so what they measure is what it would build.
 */

const CHUNK = 64 * 1024;

/** JSZip's documented `internalStream` (missing from its type declarations): the entry's bytes as they inflate. */
interface InflatingStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): InflatingStream;
  on(event: 'error', listener: (err: Error) => void): InflatingStream;
  on(event: 'end', listener: () => void): InflatingStream;
  pause(): InflatingStream;
  resume(): InflatingStream;
}
const inflating = (file: JSZip.JSZipObject) =>
  (file as unknown as { internalStream(type: 'uint8array'): InflatingStream }).internalStream('uint8array');

/**
 * Nesting depth and element count of a page, from htmlparser2's tokenizer (linkedom's, with its implied end tags
 * and void elements) without building a DOM; stops at the first limit crossed.
 */
export function checkHtmlShape(html: string, limits: ExtractionLimits): void {
  let depth = 0;
  let elements = 0;
  let over: Error | undefined;
  const parser = new Parser({
    onopentag() {
      depth += 1;
      elements += 1;
      if (over) return;
      if (depth > limits.maxHtmlDepth) over = overLimit.maxHtmlDepth(limits);
      else if (elements > limits.maxHtmlElements) over = overLimit.maxHtmlElements(limits);
    },
    onclosetag() {
      depth -= 1;
    },
  });
  for (let i = 0; i < html.length && !over; i += CHUNK) parser.write(html.slice(i, i + CHUNK));
  if (!over) parser.end();
  if (over) throw over;
}

/**
 * The bytes a ZIP archive (a .docx) unpacks to, counted while inflating each entry and stopped at the limit:
 * nothing is inflated in full first, and a header's declared size is not trusted.
 */
export async function checkUnpackedSize(bytes: Buffer, limits: ExtractionLimits): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UnreadableDocumentError('The .docx file could not be read; is it a Word document?');
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    await new Promise<void>((resolve, reject) => {
      const stream = inflating(file);
      stream
        .on('data', (chunk) => {
          total += chunk.length;
          if (total > limits.maxUnpackedBytes) {
            stream.pause();
            reject(overLimit.maxUnpackedBytes(limits));
          }
        })
        .on('error', () => reject(new UnreadableDocumentError('The .docx file is damaged (an entry does not unpack).')))
        .on('end', () => resolve())
        .resume();
    });
  }
}

/** Text over the character limit is refused rather than cut: a cut transcript would be checked as if whole. */
export function checkCharacters(text: string, limits: ExtractionLimits): string {
  if (text.length > limits.maxCharacters) throw overLimit.maxCharacters(limits);
  return text;
}
