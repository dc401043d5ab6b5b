// Where and when a claim was made (its appearance): taken at intake on the document, inherited by each of
// its claims, and set or overridden per claim by an editor. Readers see it; ClaimReview carries it.

/** A claim's (or document's) provenance; null where not known. */
export interface Provenance {
  /** When it was said: an ISO date-time (midnight UTC for a calendar date). */
  saidAt: string | null;
  /** Where: the event or venue ("Press conference, Minsk"). */
  venue: string | null;
  /** The original's address: the transcript, article or post. */
  sourceUrl: string | null;
  /** A recording of it (video or audio) … */
  mediaUrl: string | null;
  /** … and where in the recording it starts, in seconds. */
  mediaStartSeconds: number | null;
  /** The public name of where it appeared ("Remarks after talks with Belarus"), never the internal title. */
  appearedIn: string | null;
}

export const PROVENANCE_FIELDS = [
  'saidAt',
  'venue',
  'sourceUrl',
  'mediaUrl',
  'mediaStartSeconds',
  'appearedIn',
] as const satisfies readonly (keyof Provenance)[];

export const NO_PROVENANCE: Provenance = {
  saidAt: null,
  venue: null,
  sourceUrl: null,
  mediaUrl: null,
  mediaStartSeconds: null,
  appearedIn: null,
};

/**
 * A claim's provenance: each field its own where an editor set one, else its document's. Field by field, so a
 * claim's own video time keeps the document's date and venue.
 */
export function inheritProvenance(own: Partial<Provenance>, document: Partial<Provenance> | null): Provenance {
  const out = { ...NO_PROVENANCE } as Record<keyof Provenance, unknown>;
  for (const f of PROVENANCE_FIELDS) out[f] = own[f] ?? document?.[f] ?? null;
  // A time belongs to its recording: a claim's own recording does not take the document's start time.
  if (own.mediaUrl && (own.mediaStartSeconds === null || own.mediaStartSeconds === undefined))
    out.mediaStartSeconds = null;
  return out as unknown as Provenance;
}

/** What an editor is warned of before approving (not a block: some claims have no known date or place). */
export function provenanceWarnings(p: Provenance): string[] {
  const warnings: string[] = [];
  if (!p.saidAt) warnings.push('No date said: readers and search engines will not see when the claim was made.');
  if (!p.sourceUrl && !p.mediaUrl)
    warnings.push('No appearance: add the original’s URL or a recording, so readers can see where it was said.');
  return warnings;
}

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be']);

/**
 * The recording's address at its start time: YouTube's own `t` parameter, else a W3C media fragment (`#t=754`),
 * which browsers' players honour for media files. Null for an address that is not http(s).
 */
export function mediaLinkAt(url: string, seconds: number | null): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!seconds || seconds <= 0) return u.toString();
  const s = Math.floor(seconds);
  if (YOUTUBE_HOSTS.has(u.hostname)) {
    u.searchParams.set('t', `${s}s`);
    return u.toString();
  }
  u.hash = `t=${s}`;
  return u.toString();
}

/** 754 → "12:34", 3754 → "1:02:34": how people write a time in a recording. */
export function formatMediaTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** "12:34", "1:02:34" or plain seconds ("754") → seconds; null for anything else. */
export function parseMediaTime(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(t);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}
