export const DOCUMENT_STATUSES = ['queued', 'fetching', 'detecting', 'done', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx', 'url'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
