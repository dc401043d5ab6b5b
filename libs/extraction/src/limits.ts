import type { AppConfig } from '@factdesk/config';

/** A document that cannot become text: the message is for the person who sent it. */
export class UnreadableDocumentError extends Error {
  override name = 'UnreadableDocumentError';
}

/**
 * What extraction may spend on one document (libs/config's EXTRACTION_* settings). Small files can unpack,
 * expand or nest far beyond their size (issue 15): each limit stops one way of doing so.
 */
export type ExtractionLimits = AppConfig['extraction'];

/** A document over one of the limits: it fails at once (another attempt would fail the same way), saying which. */
export class ExtractionLimitError extends UnreadableDocumentError {
  override name = 'ExtractionLimitError';
  constructor(
    readonly limit: keyof ExtractionLimits,
    message: string,
  ) {
    super(message);
  }
}

const count = (n: number) => n.toLocaleString('en');
const megabytes = (bytes: number) => `${count(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;

/** The reason a person reads for each limit. */
export const overLimit = {
  timeoutMs: (l: ExtractionLimits) =>
    new ExtractionLimitError('timeoutMs', `Extraction took longer than ${count(l.timeoutMs / 1000)} s.`),
  maxMemoryMb: (l: ExtractionLimits) =>
    new ExtractionLimitError('maxMemoryMb', `Extraction needed more than ${count(l.maxMemoryMb)} MB of memory.`),
  maxUnpackedBytes: (l: ExtractionLimits) =>
    new ExtractionLimitError('maxUnpackedBytes', `The file unpacks to more than ${megabytes(l.maxUnpackedBytes)}.`),
  maxPdfPages: (l: ExtractionLimits) =>
    new ExtractionLimitError('maxPdfPages', `The PDF has more than ${count(l.maxPdfPages)} pages.`),
  maxCharacters: (l: ExtractionLimits) =>
    new ExtractionLimitError(
      'maxCharacters',
      `The document has more than ${count(l.maxCharacters)} characters of text.`,
    ),
  maxHtmlDepth: (l: ExtractionLimits) =>
    new ExtractionLimitError('maxHtmlDepth', `The page nests deeper than ${count(l.maxHtmlDepth)} levels.`),
  maxHtmlElements: (l: ExtractionLimits) =>
    new ExtractionLimitError('maxHtmlElements', `The page has more than ${count(l.maxHtmlElements)} elements.`),
} satisfies Record<keyof ExtractionLimits, (l: ExtractionLimits) => ExtractionLimitError>;
