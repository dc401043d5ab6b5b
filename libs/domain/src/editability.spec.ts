import { CLAIM_STATES, type ClaimState } from './claims.js';
import { decideClaimEdit, decideVerdictEdit } from './editability.js';

describe('claim edits: every state', () => {
  const LOCKED: ClaimState[] = ['published', 'corrected', 'retracted'];
  it.each(CLAIM_STATES)('%s', (state) => {
    if (LOCKED.includes(state))
      expect(decideClaimEdit(state)).toEqual({
        ok: false,
        status: 409,
        message: 'A published claim is changed through a correction, so readers can see what changed.',
      });
    else expect(decideClaimEdit(state)).toEqual({ ok: true });
  });
});

describe('verdict edits: every state × who', () => {
  /** Written out by hand: where each may save the verdict. */
  const EDITABLE = {
    assignee: ['assigned', 'in_progress', 'changes_requested'],
    editor: ['assigned', 'in_progress', 'changes_requested', 'in_review'],
    'editor who is the assignee': ['assigned', 'in_progress', 'changes_requested', 'in_review'],
  } as Record<string, ClaimState[]>;
  const WHO = [
    { label: 'assignee', isEditor: false, isAssignee: true },
    { label: 'editor', isEditor: true, isAssignee: false },
    { label: 'editor who is the assignee', isEditor: true, isAssignee: true },
    { label: 'someone else', isEditor: false, isAssignee: false },
  ];
  const cases = CLAIM_STATES.flatMap((state) => WHO.map((who) => [state, who.label, who] as const));

  it.each(cases)('%s by %s', (state, label, who) => {
    const decision = decideVerdictEdit({ state, isEditor: who.isEditor, isAssignee: who.isAssignee });
    if (label === 'someone else') expect(decision).toMatchObject({ ok: false, status: 403 });
    else if (EDITABLE[label].includes(state)) expect(decision).toEqual({ ok: true });
    else {
      expect(decision).toMatchObject({ ok: false, status: 409 });
      expect((decision as { message: string }).message).toMatch(/^The verdict /);
    }
  });

  it('tells an assignee in review who can still edit', () => {
    expect(decideVerdictEdit({ state: 'in_review', isEditor: false, isAssignee: true })).toEqual({
      ok: false,
      status: 409,
      message: 'The verdict is in review; an editor can edit it, or send it back for changes.',
    });
    expect(decideVerdictEdit({ state: 'approved', isEditor: true, isAssignee: false })).toMatchObject({
      message: 'The verdict cannot be edited while the claim is approved.',
    });
  });
});
