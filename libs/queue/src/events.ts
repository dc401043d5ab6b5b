import type { DocumentStatus } from '@factdesk/domain';

/** What the worker tells signed-in users as it works, through Redis pub/sub and the API's event stream. */
export type DeskEvent =
  | { type: 'document'; documentId: string; status: DocumentStatus; progress: number; error?: string | null; title?: string | null }
  | { type: 'claims'; documentId: string; count: number; checkworthy: number };

export const eventsChannel = (prefix: string) => `${prefix}:events`;
