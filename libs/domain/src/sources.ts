export const MONITORED_SOURCE_KINDS = ['feed', 'html'] as const;
export type MonitoredSourceKind = (typeof MONITORED_SOURCE_KINDS)[number];

/** new: never checked yet; paused: disabled; failing: see SOURCE_FAILING_AFTER. */
export type MonitoredSourceStatus = 'new' | 'ok' | 'failing' | 'paused';

/** A monitored source is shown as failing after this many failed polls in a row (it keeps being tried, with backoff). */
export const SOURCE_FAILING_AFTER = 3;

/** A failing source waits interval × 2^failures before its next real try, at most this long. */
export const SOURCE_MAX_BACKOFF_MS = 24 * 3600_000;

export interface SourcePollState {
  enabled: boolean;
  consecutiveFailures: number;
  lastCheckedAt: Date | null;
  pollIntervalMinutes: number;
}

export function sourceStatus(s: Omit<SourcePollState, 'pollIntervalMinutes'>): MonitoredSourceStatus {
  if (!s.enabled) return 'paused';
  if (s.consecutiveFailures >= SOURCE_FAILING_AFTER) return 'failing';
  return s.lastCheckedAt ? 'ok' : 'new';
}

/**
 * Whether a scheduled poll should really fetch now: a source that failed last time backs off exponentially
 * from its last try. A poll someone asked for by hand always runs.
 */
export function sourcePollDue(s: Omit<SourcePollState, 'enabled'>, now: Date, manual = false): boolean {
  if (manual || s.consecutiveFailures <= 0 || !s.lastCheckedAt) return true;
  const wait = Math.min(s.pollIntervalMinutes * 60_000 * 2 ** s.consecutiveFailures, SOURCE_MAX_BACKOFF_MS);
  return now.getTime() >= s.lastCheckedAt.getTime() + wait;
}
