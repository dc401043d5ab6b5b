import type { ClaimState } from './claims.js';
import { describeState } from './workflow.js';

export type EditDecision = { ok: true } | { ok: false; status: 403 | 409; message: string };

/** Claim states whose text the public has seen: they change through a correction, never an edit. */
export const PUBLISHED_CLAIM_STATES = ['published', 'corrected', 'retracted'] as const satisfies readonly ClaimState[];

/** Whether an editor may change a claim's text, speaker or type in this state. */
export function decideClaimEdit(state: ClaimState): EditDecision {
  return (PUBLISHED_CLAIM_STATES as readonly ClaimState[]).includes(state)
    ? {
        ok: false,
        status: 409,
        message: 'A published claim is changed through a correction, so readers can see what changed.',
      }
    : { ok: true };
}

/** While the claim is being worked, its verdict is the assignee's to write; an editor may also copy-edit in review. */
const VERDICT_EDITABLE: Record<'assignee' | 'editor', readonly ClaimState[]> = {
  assignee: ['assigned', 'in_progress', 'changes_requested'],
  editor: ['assigned', 'in_progress', 'changes_requested', 'in_review'],
};

/** Whether this person may save the claim's verdict now. */
export function decideVerdictEdit(input: { state: ClaimState; isEditor: boolean; isAssignee: boolean }): EditDecision {
  if (!input.isEditor && !input.isAssignee)
    return {
      ok: false,
      status: 403,
      message: 'Only the person this claim is assigned to, or an editor, can edit its verdict.',
    };
  if (VERDICT_EDITABLE[input.isEditor ? 'editor' : 'assignee'].includes(input.state)) return { ok: true };
  return {
    ok: false,
    status: 409,
    message:
      input.state === 'in_review'
        ? 'The verdict is in review; an editor can edit it, or send it back for changes.'
        : `The verdict cannot be edited while the claim is ${describeState(input.state)}.`,
  };
}
