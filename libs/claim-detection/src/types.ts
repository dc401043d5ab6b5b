import type { ClaimEntity, ClaimType, SpeakerKind, SpeakerRole } from '@factdesk/domain';

export type { ClaimEntity, ClaimType, SpeakerKind, SpeakerRole };

/** Metadata read from the first lines of a document, when they carry it. */
export interface DocumentMetadata {
  title?: string;
  /** ISO yyyy-mm-dd. */
  date?: string;
  outlet?: string;
}

export interface DetectedSpeaker {
  /** Canonical display name, e.g. "Sergey Lavrov". */
  name: string;
  /** Every surface form seen in the document, e.g. "Lavrov", "Russian FM Lavrov". */
  aliases: string[];
  kind: SpeakerKind;
  /**
   * The part the speaker plays in this document, from its structure: header lists ("MODERATORS: …"), label
   * qualifiers ("…, MODERATOR"), questioner labels (Q, QUESTION, AUDIENCE MEMBER), and who asks (turns mostly
   * questions, short between long answers). `participant` when nothing says otherwise.
   */
  role: SpeakerRole;
}

/** What part of the document a sentence comes from. */
export type SentenceRole = 'title' | 'heading' | 'narration' | 'question' | 'statement';

export interface DetectedSentence {
  /** Verbatim: `input.slice(start, end) === text`. */
  text: string;
  start: number;
  end: number;
  /** Canonical speaker name (one of `DetectionResult.speakers`), or null when unknown. */
  speaker: string | null;
  role: SentenceRole;
  /** Check-worthiness, 0–1. */
  score: number;
  checkworthy: boolean;
  type: ClaimType;
  /** Editor-readable reasons behind the score, strongest first. */
  reasons: string[];
  /** Entities with offsets into `text`. */
  entities: ClaimEntity[];
}

export interface DetectionResult {
  metadata: DocumentMetadata;
  speakers: DetectedSpeaker[];
  sentences: DetectedSentence[];
  /** The threshold `checkworthy` was decided at (the option, or the model's default). */
  threshold: number;
}

export interface DetectOptions {
  /** Check-worthy when score >= threshold. Defaults to the model's cross-validated threshold. */
  threshold?: number;
  /** Speaker for unattributed first-person text when the document does not name one. */
  defaultSpeaker?: string;
  /** Publication name, when the caller knows it better than the document does. */
  outlet?: string;
}

export interface SentenceScore {
  score: number;
  checkworthy: boolean;
  type: ClaimType;
}
