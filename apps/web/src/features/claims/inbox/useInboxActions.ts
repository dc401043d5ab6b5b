import { createElement } from 'react';
import { notifications } from '@mantine/notifications';
import { decideTransition, type BulkResultDto, type ClaimState, type ClaimSummaryDto } from '@factdesk/domain';
import { ApiRequestError } from '../../../api/client';
import { useBulkAssign, useBulkTriage, useClaimAction, useDismiss, type AssignInput } from '../queries';
import { UndoMessage } from './UndoMessage';

export function bulkMessage(result: BulkResultDto, verb: string) {
  const ok = result.results.filter((r) => r.ok).length;
  return `${ok} claim${ok === 1 ? '' : 's'} ${verb}.`;
}

/** The error's sentence, and for a refused bulk request the first claim's own reason. */
export function errorMessage(err: unknown): string {
  const res = err instanceof ApiRequestError ? (err.body.results as BulkResultDto['results'] | undefined) : undefined;
  const firstProblem = res?.find((r) => !r.ok && r.error)?.error;
  const message = err instanceof Error ? err.message : String(err);
  return firstProblem ? `${message} ${firstProblem}` : message;
}

/**
 * The claims an accept or dismiss would change: the workflow's own rule (libs/domain), so pressing `a` on an
 * accepted claim is a quiet "already", not a request the API refuses.
 */
export function triageable(targets: readonly ClaimSummaryDto[], action: 'accept' | 'dismiss'): ClaimSummaryDto[] {
  const input = action === 'dismiss' ? { reason: 'x' } : undefined;
  const editor = { id: 'me', role: 'editor' as const };
  return targets.filter(
    (t) => decideTransition({ action, claim: { state: t.state, assigneeId: null }, user: editor, input }).ok,
  );
}

/** The step that puts a triaged claim back in the state it was in: reopen to detected, or accept again. */
export const undoAction = (before: ClaimState): 'reopen' | 'accept' | null =>
  before === 'detected' ? 'reopen' : before === 'accepted' ? 'accept' : null;

const notifyError = (err: unknown) =>
  notifications.show({ color: 'red', title: 'Not done', message: errorMessage(err) });

/** Accept, dismiss and assign for one claim or many: one claim takes the single route, more the bulk one. */
export function useInboxActions(onDone: () => void) {
  const action = useClaimAction();
  const dismiss = useDismiss();
  const triage = useBulkTriage();
  const bulkAssign = useBulkAssign();
  const ids = (targets: ClaimSummaryDto[]) => targets.map((t) => t.id);

  /** A toast for a triage done, with Undo for a few seconds: each claim goes back through the API (audited). */
  const doneWithUndo = (message: string, changed: ClaimSummaryDto[], colour?: string) => {
    const id = `triage-${Date.now()}`;
    const undo = () => {
      notifications.hide(id);
      const steps = changed.flatMap((c) => {
        const step = undoAction(c.state);
        return step ? [action.mutateAsync({ id: c.id, action: step })] : [];
      });
      void Promise.all(steps).then(
        () => notifications.show({ message: steps.length === 1 ? 'Undone.' : `Undone for ${steps.length} claims.` }),
        notifyError,
      );
    };
    notifications.show({
      id,
      color: colour,
      autoClose: 6000,
      message: createElement(UndoMessage, { message, onUndo: undo }),
    });
  };
  /** Nothing to change: said quietly, not as an error. */
  const already = (verb: string, count: number) =>
    notifications.show({
      color: 'gray',
      message: count === 1 ? `Already ${verb}.` : `All ${count} claims are already ${verb}.`,
    });

  const accept = (all: ClaimSummaryDto[]) => {
    const targets = triageable(all, 'accept');
    if (all.length > 0 && targets.length === 0) return already('accepted', all.length);
    if (targets.length === 1)
      action.mutate(
        { id: targets[0]!.id, action: 'accept' },
        { onSuccess: () => doneWithUndo('Claim accepted.', targets, 'green'), onError: notifyError },
      );
    else if (targets.length > 1)
      triage.mutate(
        { action: 'accept', claimIds: ids(targets) },
        {
          onSuccess: (r) => {
            doneWithUndo(bulkMessage(r, 'accepted'), targets, 'green');
            onDone();
          },
          onError: notifyError,
        },
      );
  };

  const dismissAll = (all: ClaimSummaryDto[], reason: string) => {
    const targets = triageable(all, 'dismiss');
    const done = (message: string) => {
      doneWithUndo(message, targets);
      onDone();
    };
    if (targets.length === 0) {
      already('dismissed', all.length);
      onDone();
    } else if (targets.length === 1)
      dismiss.mutate({ id: targets[0]!.id, reason }, { onSuccess: () => done('Claim dismissed.') });
    else
      triage.mutate(
        { action: 'dismiss', claimIds: ids(targets), reason },
        { onSuccess: (r) => done(bulkMessage(r, 'dismissed')) },
      );
  };

  const assign = (targets: ClaimSummaryDto[], input: AssignInput) =>
    bulkAssign.mutate(
      { ...input, claimIds: ids(targets) },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'green', message: bulkMessage(r, 'assigned') });
          onDone();
        },
      },
    );

  return {
    accept,
    dismiss: dismissAll,
    assign,
    accepting: triage.isPending,
    dismissing: { pending: dismiss.isPending || triage.isPending, error: dismiss.error ?? triage.error },
    assigning: { pending: bulkAssign.isPending, error: bulkAssign.error },
  };
}
