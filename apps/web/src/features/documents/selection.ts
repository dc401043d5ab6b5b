import type { DocumentClaimDto, SpeakerRef } from '@factdesk/domain';

/** A selection inside the document's text: the text, trimmed, and its offsets into the document. */
export interface TextSelection {
  text: string;
  start: number;
  end: number;
}

/**
 * Where `range` lies in the text rendered inside `root` (the text is rendered whole, in order, so offsets
 * in the DOM are offsets into the document). Null when the range is not inside `root` or is only blanks.
 */
export function selectionIn(root: Node, range: Range): TextSelection | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const before = root.ownerDocument!.createRange();
  before.selectNodeContents(root);
  before.setEnd(range.startContainer, range.startOffset);
  const raw = range.toString();
  const text = raw.trim();
  if (!text) return null;
  const start = before.toString().length + (raw.length - raw.trimStart().length);
  return { text, start, end: start + text.length };
}

/** Who was speaking at `offset`: the speaker of the nearest claim starting there or before (a turn runs on). */
export function speakerAt(claims: Pick<DocumentClaimDto, 'start' | 'speaker'>[], offset: number): SpeakerRef | null {
  let best: Pick<DocumentClaimDto, 'start' | 'speaker'> | null = null;
  for (const c of claims) if (c.start <= offset && (!best || c.start > best.start)) best = c;
  return best?.speaker ?? null;
}
