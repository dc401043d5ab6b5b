import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Kbd } from '@mantine/core';
import { IconKeyboard, IconPlus } from '@tabler/icons-react';
import { roleAllowed } from '@factdesk/domain';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert, LoadMore, PageHeader } from '../../../components/common';
import { useMe } from '../../auth/queries';
import { NewClaimModal } from '../NewClaimModal';
import { useClaims } from '../queries';
import { AssignModal, DismissModal } from '../TriageModals';
import { BulkBar } from './BulkBar';
import { filtersFrom, startView, withFilter } from './filters';
import { InboxFilters, ViewBar } from './InboxFilters';
import { InboxTable } from './InboxTable';
import { useInboxKeyboard, type InboxCommand } from './keyboard';
import { ShortcutsModal } from './ShortcutsModal';
import { useInboxActions } from './useInboxActions';
import { useSelection } from './useSelection';

type Dialog = null | 'dismiss' | 'assign' | 'help' | 'new';

/** The claims inbox: views and filters in the URL, a keyboard-driven list, and bulk triage for editors. */
export function InboxPage() {
  const { data: me } = useMe();
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const claims = useClaims(filters);
  const rows = useMemo(() => claims.data?.pages.flatMap((p) => p.items) ?? [], [claims.data]);
  const selection = useSelection(rows, params.toString());
  const { current, targets } = selection;
  const [dialog, setDialog] = useState<Dialog>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const actions = useInboxActions(() => {
    setDialog(null);
    selection.clear();
  });

  useEffect(() => {
    if ([...params.keys()].length === 0 && me) setParams(startView(editor).params, { replace: true });
  }, [params, me, editor, setParams]);

  const setFilter = (key: string, value: string | null | undefined) => setParams(withFilter(params, key, value));
  const accept = () => editor && actions.accept(targets);
  const run = (command: InboxCommand): boolean => {
    const triage = editor && targets.length > 0;
    if (command === 'next') selection.next();
    else if (command === 'previous') selection.previous();
    else if (command === 'toggle' && current) selection.toggle(current.id);
    else if (command === 'accept') accept();
    else if (command === 'dismiss' && triage) setDialog('dismiss');
    else if (command === 'assign' && triage) setDialog('assign');
    else if (command === 'open' && current) void navigate(`/claims/${current.id}`);
    else if (command === 'search') searchRef.current?.focus();
    else if (command === 'help') setDialog('help');
    else return false;
    return true;
  };
  useInboxKeyboard(run, dialog === null);

  return (
    <>
      <PageHeader
        title="Claims"
        description={
          <>
            Triage what the detector found, then assign it. Press <Kbd size="xs">?</Kbd> for keyboard shortcuts.
          </>
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconKeyboard size={16} />} onClick={() => setDialog('help')}>
              Shortcuts
            </Button>
            {editor && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
                Enter a claim
              </Button>
            )}
          </>
        }
      />
      <ViewBar params={params} editor={editor} onView={(v) => setParams(v)} />
      <InboxFilters filters={filters} onFilter={setFilter} editor={editor} meId={me?.user.id} searchRef={searchRef} />
      {claims.error && <ErrorAlert error={claims.error} title="The claims could not be listed" />}
      <InboxTable
        rows={rows}
        loading={claims.isPending}
        searching={!!filters.q}
        editor={editor}
        selection={selection}
      />
      <LoadMore list={claims} />

      {editor && (
        <BulkBar
          count={selection.selected.size}
          accepting={actions.accepting}
          onAccept={accept}
          onDismiss={() => setDialog('dismiss')}
          onAssign={() => setDialog('assign')}
          onClear={selection.clear}
        />
      )}
      {dialog === 'dismiss' && (
        <DismissModal
          opened
          count={targets.length}
          onClose={() => setDialog(null)}
          onDismiss={(reason) => actions.dismiss(targets, reason)}
          pending={actions.dismissing.pending}
          error={actions.dismissing.error}
        />
      )}
      {dialog === 'assign' && (
        <AssignModal
          opened
          title={targets.length === 1 ? 'Assign this claim' : `Assign ${targets.length} claims`}
          onClose={() => setDialog(null)}
          pending={actions.assigning.pending}
          error={actions.assigning.error}
          onAssign={(v) => actions.assign(targets, v)}
        />
      )}
      {dialog === 'new' && <NewClaimModal opened onClose={() => setDialog(null)} />}
      <ShortcutsModal opened={dialog === 'help'} onClose={() => setDialog(null)} editor={editor} />
    </>
  );
}
