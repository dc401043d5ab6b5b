import { notifications } from '@mantine/notifications';
import type { ClaimDetailDto } from '@factdesk/domain';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { NoteModal } from '../../../components/NoteModal';
import { formatDateTime, toLocalInput } from '../../../lib/format';
import { CorrectionModal } from '../correction/CorrectionModal';
import { PublishModal } from '../publish/PublishModal';
import { useAssign, useCancelSchedule, useDismiss, useRequestChanges, useRetract } from '../queries';
import { AssignModal, DismissModal } from '../TriageModals';
import type { Dialog } from './ClaimActions';

/** The open dialog of the claim page, with the request it sends; it closes with a message when done. */
export function ClaimDialogs({
  claim,
  dialog,
  onClose,
}: {
  claim: ClaimDetailDto;
  dialog: Dialog;
  onClose: () => void;
}) {
  const dismiss = useDismiss();
  const assign = useAssign();
  const requestChanges = useRequestChanges();
  const retract = useRetract();
  const cancelSchedule = useCancelSchedule();
  const id = claim.id;
  const active = claim.assignments.find((a) => a.state === 'active');
  const done = (message: string) => () => {
    notifications.show({ color: 'green', message });
    onClose();
  };

  switch (dialog) {
    case 'dismiss':
      return (
        <DismissModal
          opened
          count={1}
          onClose={onClose}
          pending={dismiss.isPending}
          error={dismiss.error}
          onDismiss={(reason) => dismiss.mutate({ id, reason }, { onSuccess: done('Claim dismissed.') })}
        />
      );
    case 'assign':
      return (
        <AssignModal
          opened
          title={active ? 'Reassign this claim' : 'Assign this claim'}
          onClose={onClose}
          pending={assign.isPending}
          error={assign.error}
          initial={{ assigneeId: active?.assignee.id, dueAt: toLocalInput(active?.dueAt) }}
          onAssign={(v) => assign.mutate({ id, ...v }, { onSuccess: done('Assigned.') })}
        />
      );
    case 'request_changes':
      return (
        <NoteModal
          opened
          title="Request changes"
          label="What should change"
          description="The reviewer is notified and sees this on the claim."
          submitLabel="Send back"
          colour="orange"
          onClose={onClose}
          pending={requestChanges.isPending}
          error={requestChanges.error}
          onSubmit={(comment) => requestChanges.mutate({ id, comment }, { onSuccess: done('Sent back for changes.') })}
        />
      );
    case 'publish':
      return <PublishModal claimId={id} onClose={onClose} />;
    case 'reschedule':
      return claim.publicationSchedule ? (
        <PublishModal claimId={id} onClose={onClose} reschedule={claim.publicationSchedule} />
      ) : null;
    case 'cancel_schedule':
      return claim.publicationSchedule ? (
        <ConfirmModal
          opened
          title="Cancel the scheduled publication?"
          confirmLabel="Cancel schedule"
          dismissLabel="Keep it"
          onClose={onClose}
          pending={cancelSchedule.isPending}
          error={cancelSchedule.error}
          onConfirm={() =>
            cancelSchedule.mutate(id, { onSuccess: done('Schedule cancelled: nothing will be published.') })
          }
        >
          {`It was to go out on ${formatDateTime(claim.publicationSchedule.publishAt)}. Nothing is published; the claim stays approved, and you can publish or schedule it again.`}
        </ConfirmModal>
      ) : null;
    case 'correct':
      return <CorrectionModal claimId={id} title="Publish a correction" onClose={onClose} />;
    case 'retract':
      return (
        <NoteModal
          opened
          title="Retract this fact-check"
          label="Public note: why it is retracted"
          submitLabel="Retract"
          colour="red"
          onClose={onClose}
          pending={retract.isPending}
          error={retract.error}
          onSubmit={(note) => retract.mutate({ id, note }, { onSuccess: done('Fact-check retracted.') })}
        />
      );
    default:
      return null;
  }
}
