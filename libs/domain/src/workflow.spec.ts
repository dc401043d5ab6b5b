import { CLAIM_STATES, type ClaimState } from './claims.js';
import type { Role } from './roles.js';
import { availableActions, CLAIM_ACTIONS, decideTransition, type ClaimAction } from './workflow.js';

/** The design's workflow graph, written out by hand: [action, from, to]. Everything else is illegal. */
const LEGAL: [ClaimAction, ClaimState, ClaimState][] = [
  ['accept', 'detected', 'accepted'],
  ['accept', 'dismissed', 'accepted'],
  ['dismiss', 'detected', 'dismissed'],
  ['dismiss', 'accepted', 'dismissed'],
  ['reopen', 'dismissed', 'detected'],
  ['reopen', 'accepted', 'detected'],
  ['mark_duplicate', 'detected', 'duplicate'],
  ['mark_duplicate', 'accepted', 'duplicate'],
  ['mark_duplicate', 'dismissed', 'duplicate'],
  ['not_duplicate', 'duplicate', 'detected'],
  ['assign', 'accepted', 'assigned'],
  ['assign', 'assigned', 'assigned'],
  ['assign', 'in_progress', 'assigned'],
  ['assign', 'changes_requested', 'assigned'],
  ['unassign', 'assigned', 'accepted'],
  ['unassign', 'in_progress', 'accepted'],
  ['unassign', 'changes_requested', 'accepted'],
  ['start', 'assigned', 'in_progress'],
  ['start', 'changes_requested', 'in_progress'],
  ['submit', 'in_progress', 'in_review'],
  ['submit', 'changes_requested', 'in_review'],
  ['request_changes', 'in_review', 'changes_requested'],
  ['request_changes', 'approved', 'changes_requested'],
  ['approve', 'in_review', 'approved'],
  ['publish', 'approved', 'published'],
  ['correct', 'published', 'corrected'],
  ['correct', 'corrected', 'corrected'],
  ['retract', 'published', 'retracted'],
  ['retract', 'corrected', 'retracted'],
];
const ASSIGNEE_WORK = new Set<ClaimAction>(['start', 'submit']);

type Who = { label: string; role: Role; isAssignee: boolean };
const WHO: Who[] = [
  { label: 'admin', role: 'admin', isAssignee: false },
  { label: 'editor', role: 'editor', isAssignee: false },
  { label: 'reviewer (assignee)', role: 'reviewer', isAssignee: true },
  { label: 'reviewer (not assignee)', role: 'reviewer', isAssignee: false },
];
const INPUT = {
  reason: 'Opinion, not a factual claim',
  comment: 'Add a primary source',
  note: 'Fixed a date',
  assigneeId: 'u-2',
  originalId: 'c-1',
};

const cases = CLAIM_STATES.flatMap((state) =>
  CLAIM_ACTIONS.flatMap((action) => WHO.map((who) => [state, action, who] as const)),
);

describe('claim workflow: every state × action × role', () => {
  it('covers the whole space', () => {
    expect(cases).toHaveLength(12 * 14 * 4);
  });

  it.each(cases)('%s: %s by %o', (state, action, who) => {
    const decision = decideTransition({
      action,
      claim: { state, assigneeId: who.isAssignee ? 'me' : 'someone-else' },
      user: { id: 'me', role: who.role },
      input: INPUT,
    });
    const legal = LEGAL.find(([a, from]) => a === action && from === state);
    const mayAct = who.role !== 'reviewer' || (ASSIGNEE_WORK.has(action) && who.isAssignee);
    if (!mayAct) {
      expect(decision).toMatchObject({ ok: false, status: 403 });
    } else if (!legal) {
      expect(decision).toMatchObject({ ok: false, status: 409 });
      expect((decision as { message: string }).message).toMatch(
        /^This claim is .+, so it cannot be .+: that needs a claim that is .+\.$/,
      );
    } else {
      expect(decision).toEqual({ ok: true, from: state, to: legal[2] });
    }
  });
});

describe('what actions need', () => {
  const editor = { id: 'e', role: 'editor' as const };
  it.each([
    ['dismiss', 'detected', 'reason'],
    ['request_changes', 'in_review', 'comment'],
    ['correct', 'published', 'note'],
    ['retract', 'published', 'note'],
    ['assign', 'accepted', 'assigneeId'],
    ['mark_duplicate', 'detected', 'originalId'],
  ] as const)('%s needs a %s', (action, state, field) => {
    const missing = decideTransition({
      action,
      claim: { state, assigneeId: null },
      user: editor,
      input: { ...INPUT, [field]: '  ' },
    });
    expect(missing).toMatchObject({ ok: false, status: 400 });
    expect(decideTransition({ action, claim: { state, assigneeId: null }, user: editor, input: INPUT }).ok).toBe(true);
  });

  it('explains a refusal in words a person understands', () => {
    const d = decideTransition({ action: 'publish', claim: { state: 'in_review', assigneeId: null }, user: editor });
    expect(d).toEqual({
      ok: false,
      status: 409,
      message: 'This claim is in review, so it cannot be published: that needs a claim that is approved.',
    });
  });
});

describe('available actions', () => {
  it('offers a reviewer only their own work', () => {
    expect(availableActions({ state: 'assigned', assigneeId: 'r' }, { id: 'r', role: 'reviewer' })).toEqual(['start']);
    expect(availableActions({ state: 'assigned', assigneeId: 'other' }, { id: 'r', role: 'reviewer' })).toEqual([]);
    expect(availableActions({ state: 'approved', assigneeId: 'r' }, { id: 'r', role: 'reviewer' })).toEqual([]);
  });

  it('offers an editor publishing once approved', () => {
    expect(availableActions({ state: 'approved', assigneeId: 'r' }, { id: 'e', role: 'editor' })).toEqual([
      'request_changes',
      'publish',
    ]);
  });
});
