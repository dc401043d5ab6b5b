import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { embed, EMBEDDING_DIM, ENCODER_NAME } from '../encoder.js';

/**
 * Sentence vectors for a training or evaluation set, cached in `dir` (outside the repository, e.g.
 * /tmp/factdesk-emb) as raw float32 rows, keyed by the encoder and a hash of the texts: embedding CheckThat! train
 * takes about 10 minutes on one core, a cached rerun well under a second.
 */
export async function cachedEmbeddings(
  texts: string[],
  dir: string | undefined,
  label: string,
  log: (s: string) => void = () => undefined,
): Promise<Float32Array[]> {
  const key = createHash('sha256')
    .update(ENCODER_NAME)
    .update('\n')
    .update(texts.join('\n'))
    .digest('hex')
    .slice(0, 16);
  const path = dir ? join(resolve(dir), `${label}-${texts.length}-${key}.f32`) : null;
  if (path && existsSync(path)) {
    const buf = readFileSync(path);
    if (buf.byteLength === texts.length * EMBEDDING_DIM * 4) {
      const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
      log(`${label}: ${texts.length} embeddings from ${path}`);
      return texts.map((_, i) => all.subarray(i * EMBEDDING_DIM, (i + 1) * EMBEDDING_DIM));
    }
  }
  const t0 = Date.now();
  const out: Float32Array[] = [];
  const step = 1024;
  for (let i = 0; i < texts.length; i += step) {
    out.push(...(await embed(texts.slice(i, i + step))));
    log(`${label}: embedded ${out.length}/${texts.length} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  if (path) {
    mkdirSync(resolve(dir!), { recursive: true });
    const all = new Float32Array(texts.length * EMBEDDING_DIM);
    out.forEach((v, i) => all.set(v, i * EMBEDDING_DIM));
    writeFileSync(path + '.tmp', Buffer.from(all.buffer));
    renameSync(path + '.tmp', path);
    log(`${label}: embeddings cached in ${path}`);
  }
  return out;
}
