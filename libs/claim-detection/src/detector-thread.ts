import { parentPort } from 'node:worker_threads';
import { detectClaims } from './detect.js';
import type { DetectionResult, DetectOptions } from './types.js';

/** A claim-detection thread of ClaimDetectorPool (pool.ts): one document at a time, with the shipped model. */

export type DetectorJob = { id: number; text: string; options: DetectOptions };
export type DetectorMessage = { id: number; result: DetectionResult } | { id: number; error: string };

parentPort!.on('message', ({ id, text, options }: DetectorJob) => {
  let message: DetectorMessage;
  try {
    message = { id, result: detectClaims(text, options) };
  } catch (err) {
    message = { id, error: (err as Error).message };
  }
  parentPort!.postMessage(message);
});
