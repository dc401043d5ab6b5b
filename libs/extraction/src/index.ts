export { ACCEPTED_EXTENSIONS, decodeUtf8, detectFormat, normaliseText } from './extract.js';
export type { DocumentHints, ExtractedDocument, ExtractedFormat } from './extract.js';
export { ExtractionLimitError, UnreadableDocumentError, type ExtractionLimits } from './limits.js';
export { extractDocument, readSourceItems } from './sandbox.js';
export { UnreadableSourceError, type SourceItem } from './sources.js';
