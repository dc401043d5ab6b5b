import {
  isWebUrl,
  type AuditAction,
  type ClaimState,
  type ClaimType,
  type DocumentStatus,
  type Role,
} from '@factdesk/domain';

export const ROLE_LABELS: Record<Role, string> = { admin: 'Administrator', editor: 'Editor', reviewer: 'Reviewer' };

export const STATE_LABELS: Record<ClaimState, string> = {
  detected: 'Detected',
  accepted: 'Accepted',
  dismissed: 'Dismissed',
  duplicate: 'Duplicate',
  assigned: 'Assigned',
  in_progress: 'In progress',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  corrected: 'Corrected',
  retracted: 'Retracted',
};

export const STATE_COLOURS: Record<ClaimState, string> = {
  detected: 'gray',
  accepted: 'blue',
  dismissed: 'dark',
  duplicate: 'grape',
  assigned: 'cyan',
  in_progress: 'indigo',
  in_review: 'violet',
  changes_requested: 'orange',
  approved: 'teal',
  published: 'green',
  corrected: 'lime',
  retracted: 'red',
};

export const TYPE_LABELS: Record<ClaimType, string> = {
  quantity: 'Quantity',
  comparison: 'Comparison',
  causal: 'Cause and effect',
  prediction: 'Prediction',
  law_rule: 'Law or rule',
  historical_event: 'Historical event',
  quote: 'Quote of someone else',
  personal_experience: 'Personal experience',
  other: 'Other',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  queued: 'Queued',
  fetching: 'Fetching',
  detecting: 'Finding claims',
  done: 'Done',
  failed: 'Failed',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export const formatDate = (iso: string | null | undefined) => (iso ? dateFormat.format(new Date(iso)) : '—');
export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : '—');
/** hh:mm, for something that happened today (a draft kept, say). */
export const formatTime = (iso: string) => timeFormat.format(new Date(iso));

/** "in 3 hours", "2 days ago": for due dates and activity, where the distance matters more than the date. */
export function fromNow(iso: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps)
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return relative.format(Math.round(seconds), 'second');
}

export const isOverdue = (dueAt: string | null) => !!dueAt && new Date(dueAt).getTime() < Date.now();
/** Due within 48 hours: the API's "due soon". */
export const isDueSoon = (dueAt: string | null) =>
  !!dueAt && !isOverdue(dueAt) && new Date(dueAt).getTime() < Date.now() + 48 * 3600_000;

/** Score 0–1 to a colour from pale to strong: the more check-worthy, the more it stands out. */
export function scoreColour(score: number): string {
  if (score >= 0.75) return 'red';
  if (score >= 0.5) return 'orange';
  if (score >= 0.3) return 'yellow';
  return 'gray';
}

export const percent = (score: number) => `${Math.round(score * 100)}`;

/** `datetime-local` input value (local time) from an ISO instant, and back. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);
/** The same to the second (`datetime-local` with `step={1}`): a scheduled publication's time. */
export function toLocalSecondsInput(iso: string): string {
  const d = new Date(iso);
  return `${toLocalInput(iso)}:${String(d.getSeconds()).padStart(2, '0')}`;
}

/** The audit actions a claim's history shows, in words; others read as their name ("speaker merge"). */
const AUDIT_WORDS: Partial<Record<AuditAction, string>> = {
  'claim.create': 'created the claim',
  'claim.edit': 'edited the claim',
  'claim.provenance': 'set where and when it was said',
  'claim.promote': 'made it a claim from a near miss',
  'claim.accept': 'accepted it',
  'claim.dismiss': 'dismissed it',
  'claim.reopen': 'reopened it',
  'claim.assign': 'assigned it',
  'claim.unassign': 'unassigned it',
  'claim.start': 'started work',
  'claim.submit': 'submitted the verdict for review',
  'claim.request_changes': 'requested changes',
  'claim.approve': 'approved the verdict',
  'claim.publish': 'published the fact-check',
  'claim.correct': 'corrected the fact-check',
  'claim.retract': 'retracted the fact-check',
  'verdict.create': 'drafted the verdict',
  'verdict.save': 'saved the verdict',
  'comment.create': 'commented',
  'assignment.create': 'made an assignment',
  'assignment.reassign': 'reassigned it',
  'assignment.end': 'ended the assignment',
  'fact_check.publish': 'published the fact-check',
  'fact_check.correct': 'published a correction',
  'fact_check.retract': 'retracted the fact-check',
  'publication.schedule': 'scheduled the publication',
  'publication.reschedule': 'rescheduled the publication',
  'publication.cancel': 'cancelled the scheduled publication',
  'publication.clear': 'cleared the scheduled publication',
  'publication.fail': 'scheduled publication failed',
};

/** Audit actions ("claim.accept", "verdict.save") in words for the history timeline. */
export function describeAudit(action: string): string {
  return Object.hasOwn(AUDIT_WORDS, action) ? AUDIT_WORDS[action as AuditAction]! : action.replace(/[._]/g, ' ');
}

/** A link target from stored data: only http(s) addresses become links (React 19 would still render a javascript: href, merely blocked). */
export const webHref = (url: string | null | undefined): string | undefined =>
  url && isWebUrl(url.trim()) ? url.trim() : undefined;

/** A polling interval in words: "every 30 min", "every 2 hours", "every 1 day". */
export function pollInterval(minutes: number): string {
  if (minutes % 1440 === 0) return `every ${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `every ${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `every ${minutes} min`;
}
