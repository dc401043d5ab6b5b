export { detectClaims, scoreAll, scoreSentences, type ScorerOption } from './detect.js';
export { embed as embedSentences, EMBEDDING_DIM, loadEncoder } from './encoder.js';
export type {
  DetectedSentence,
  DetectedSpeaker,
  DetectionResult,
  DetectOptions,
  DocumentMetadata,
  SentenceRole,
  SentenceScore,
} from './types.js';
export { BandEmbedder, type SentenceEmbedder } from './band.js';
export {
  defaultScorer,
  LinearScorer,
  MODEL_PATH,
  prepare,
  ROLE_PENALTY,
  type CheckworthinessScorer,
  type Contribution,
  type ModelFile,
  type ScorerInput,
  type ScorerOutput,
  type EmbeddingWeights,
} from './scorer.js';
export { matchSpeaker, parseSpeakerName, sameSpeaker, SpeakerRegistry, type ParsedSpeaker } from './speakers.js';
export { parseDocument, findDate, type DocumentStructure, type SentenceSpan } from './structure/document.js';
export { splitSentences } from './structure/split.js';
export { findEntities } from './entities.js';
export { classifyClaim } from './claim-type.js';
export { analyse, type Analysis, type Token } from './nlp.js';
export { readDocument } from './input.js';
export { ClaimDetectorPool } from './pool.js';
