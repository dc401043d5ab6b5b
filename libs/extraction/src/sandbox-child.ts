import { extractHere, type DocumentHints, type ExtractedDocument } from './extract.js';
import { checkHtmlShape } from './guards.js';
import { ExtractionLimitError, UnreadableDocumentError, type ExtractionLimits } from './limits.js';
import { feedItems, listingItems, UnreadableSourceError, type SourceItem } from './sources.js';

/*
 * A sandbox process (see sandbox.ts): reads the documents and source pages it is sent, one at a time, and says
 * how each went. Everything it loads (pdfjs's polyfills included) and everything it allocates stays in this
 * process, and so does running out of memory.
 */

export type SandboxTask =
  | { task: 'document'; bytes: Uint8Array; hints: DocumentHints }
  | { task: 'source'; kind: 'feed' | 'listing'; body: string; url: string };
export type SandboxJob = SandboxTask & { limits: ExtractionLimits };
export type SandboxResult = ExtractedDocument | SourceItem[];
export type SandboxMessage =
  | { type: 'ready' }
  | { type: 'done'; value: SandboxResult }
  | { type: 'failed'; error: { name: string; message: string; limit?: keyof ExtractionLimits } };

const post = (message: SandboxMessage) => process.send!(message);

async function run(job: SandboxJob): Promise<SandboxResult> {
  if (job.task === 'document')
    return extractHere(
      Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength),
      job.hints,
      job.limits,
    );
  if (job.kind === 'feed') return feedItems(job.body, job.url);
  checkHtmlShape(job.body, job.limits);
  return listingItems(job.body, job.url);
}

process.on('message', (job: SandboxJob) => {
  run(job).then(
    (value) => post({ type: 'done', value }),
    (err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      post({
        type: 'failed',
        error: {
          name:
            error instanceof UnreadableDocumentError
              ? 'UnreadableDocumentError'
              : error instanceof UnreadableSourceError
                ? 'UnreadableSourceError'
                : error.name,
          message: error.message,
          limit: error instanceof ExtractionLimitError ? error.limit : undefined,
        },
      });
    },
  );
});
// The worker that started this process is gone: nobody will read the answers.
process.on('disconnect', () => process.exit(0));
// Sent once this module and its imports have loaded: a failure before it is the sandbox's, not a document's.
post({ type: 'ready' });
