import { parentPort } from 'node:worker_threads';
import { detectClaims } from './detect.js';
import { loadEncoder } from './encoder.js';
import { defaultScorer } from './scorer.js';
import type { DetectionResult, DetectOptions } from './types.js';

/**
 * A claim-detection thread of ClaimDetectorPool (pool.ts): one document at a time, with the shipped model. The model
 * and, when it reads sentence vectors, the encoder load as the thread starts, so the first document does not wait.
 */

export type DetectorJob = { id: number; text: string; options: DetectOptions };
export type DetectorMessage = { id: number; result: DetectionResult } | { id: number; error: string };

const warm = defaultScorer().embedder ? loadEncoder().then(() => undefined) : Promise.resolve();

parentPort!.on('message', ({ id, text, options }: DetectorJob) => {
  void warm
    .catch(() => undefined) // an encoder that failed to load fails the detection itself, with its message
    .then(() => detectClaims(text, options))
    .then(
      (result): DetectorMessage => ({ id, result }),
      (err: unknown): DetectorMessage => ({ id, error: (err as Error).message }),
    )
    .then((message) => parentPort!.postMessage(message));
});
