import type { ClaimState } from './claims.js';
import { roleAllowed, type Role } from './roles.js';

/**
 * The claim workflow of DESIGN.md as data: which action moves a claim from which states to which,
 * who may take it, and what it needs. The API applies these rules; nothing else decides them.
 *
 *   detected → accepted | dismissed(reason) → assigned → in_progress → in_review
 *   → (changes_requested → in_progress …) → approved → published → corrected | retracted
 *   detected | accepted | dismissed → duplicate (of another claim, checked through it) → detected
 */
export const CLAIM_ACTIONS = [
  'accept',
  'dismiss',
  'reopen',
  'mark_duplicate',
  'not_duplicate',
  'assign',
  'unassign',
  'start',
  'submit',
  'request_changes',
  'approve',
  'publish',
  'correct',
  'retract',
] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

/** Who may act: an editor role, or whoever the claim is assigned to (whatever their role). */
export type Actor = 'editor' | 'assignee';

export interface ActionRule {
  from: readonly ClaimState[];
  /** Where the claim goes. */
  to: ClaimState;
  by: Actor;
  /** What the request must carry. */
  needs?: 'reason' | 'comment' | 'note' | 'assignee' | 'original';
  /** Words for messages: "accept" → "accepted". */
  done: string;
}

const ASSIGNABLE: readonly ClaimState[] = ['accepted', 'assigned', 'in_progress', 'changes_requested'];

export const ACTION_RULES: Record<ClaimAction, ActionRule> = {
  accept: { from: ['detected', 'dismissed'], to: 'accepted', by: 'editor', done: 'accepted' },
  dismiss: { from: ['detected', 'accepted'], to: 'dismissed', by: 'editor', needs: 'reason', done: 'dismissed' },
  // From accepted too: triage's Undo of an accept puts the claim back where it was.
  reopen: { from: ['dismissed', 'accepted'], to: 'detected', by: 'editor', done: 'reopened' },
  // Only before any checking began: a claim with work of its own is not folded into another's.
  mark_duplicate: {
    from: ['detected', 'accepted', 'dismissed'],
    to: 'duplicate',
    by: 'editor',
    needs: 'original',
    done: 'marked as a duplicate',
  },
  not_duplicate: { from: ['duplicate'], to: 'detected', by: 'editor', done: 'split from its cluster' },
  assign: { from: ASSIGNABLE, to: 'assigned', by: 'editor', needs: 'assignee', done: 'assigned' },
  unassign: {
    from: ['assigned', 'in_progress', 'changes_requested'],
    to: 'accepted',
    by: 'editor',
    done: 'unassigned',
  },
  start: { from: ['assigned', 'changes_requested'], to: 'in_progress', by: 'assignee', done: 'started' },
  submit: { from: ['in_progress', 'changes_requested'], to: 'in_review', by: 'assignee', done: 'submitted for review' },
  request_changes: {
    from: ['in_review', 'approved'],
    to: 'changes_requested',
    by: 'editor',
    needs: 'comment',
    done: 'sent back for changes',
  },
  approve: { from: ['in_review'], to: 'approved', by: 'editor', done: 'approved' },
  publish: { from: ['approved'], to: 'published', by: 'editor', done: 'published' },
  correct: { from: ['published', 'corrected'], to: 'corrected', by: 'editor', needs: 'note', done: 'corrected' },
  retract: { from: ['published', 'corrected'], to: 'retracted', by: 'editor', needs: 'note', done: 'retracted' },
};

const STATE_WORDS: Record<ClaimState, string> = {
  detected: 'newly detected',
  accepted: 'accepted',
  dismissed: 'dismissed',
  duplicate: 'a duplicate of another claim',
  assigned: 'assigned',
  in_progress: 'in progress',
  in_review: 'in review',
  changes_requested: 'waiting for changes',
  approved: 'approved',
  published: 'published',
  corrected: 'published with corrections',
  retracted: 'retracted',
};

export const describeState = (state: ClaimState) => STATE_WORDS[state];

export interface TransitionRequest {
  action: ClaimAction;
  claim: { state: ClaimState; assigneeId: string | null };
  user: { id: string; role: Role };
  input?: {
    reason?: string | null;
    comment?: string | null;
    note?: string | null;
    assigneeId?: string | null;
    /** The claim this one repeats (mark_duplicate). */
    originalId?: string | null;
  };
}

export type TransitionDecision =
  { ok: true; from: ClaimState; to: ClaimState } | { ok: false; status: 400 | 403 | 409; message: string };

const NEEDS_WORDS = {
  reason: 'a reason',
  comment: 'a comment for the reviewer',
  note: 'a public note saying what changed',
  assignee: 'someone to assign it to',
  original: 'the claim it repeats',
};

/** Decides whether `user` may take `action` on a claim now, and where the claim goes. Pure. */
export function decideTransition({ action, claim, user, input = {} }: TransitionRequest): TransitionDecision {
  const rule = ACTION_RULES[action];
  const isEditor = roleAllowed(user.role, ['editor']);
  // Editors may do the assignee's work too (a small desk's editor often writes); nobody else may.
  const mayAct = rule.by === 'editor' ? isEditor : isEditor || claim.assigneeId === user.id;
  if (!mayAct) {
    return {
      ok: false,
      status: 403,
      message:
        rule.by === 'editor'
          ? `Only editors can ${action.replace('_', ' ')} a claim.`
          : `Only the person this claim is assigned to (or an editor) can ${action.replace('_', ' ')} it.`,
    };
  }
  if (!rule.from.includes(claim.state)) {
    const allowed = rule.from.map(describeState).join(' or ');
    return {
      ok: false,
      status: 409,
      message: `This claim is ${describeState(claim.state)}, so it cannot be ${rule.done}: that needs a claim that is ${allowed}.`,
    };
  }
  if (rule.needs) {
    const value =
      rule.needs === 'assignee' ? input.assigneeId : rule.needs === 'original' ? input.originalId : input[rule.needs];
    if (!value || (typeof value === 'string' && value.trim() === '')) {
      return {
        ok: false,
        status: 400,
        message: `To ${action.replace('_', ' ')} a claim, give ${NEEDS_WORDS[rule.needs]}.`,
      };
    }
  }
  return { ok: true, from: claim.state, to: rule.to };
}

/** The actions `user` could take on the claim now (for the UI's buttons), ignoring required input. */
export function availableActions(claim: TransitionRequest['claim'], user: TransitionRequest['user']): ClaimAction[] {
  return CLAIM_ACTIONS.filter((action) => {
    const d = decideTransition({
      action,
      claim,
      user,
      input: { reason: 'x', comment: 'x', note: 'x', assigneeId: 'x', originalId: 'x' },
    });
    return d.ok;
  });
}
