import { useState } from 'react';
import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { decideClaimEdit, factCheckPath, roleAllowed, type ClaimDetailDto } from '@factdesk/domain';
import { Link, useParams } from 'react-router';
import { ErrorAlert, LoadingRows, StateBadge } from '../../../components/common';
import { formatDate, TYPE_LABELS, webHref } from '../../../lib/format';
import { useMe } from '../../auth/queries';
import { useClaim } from '../queries';
import { useDocumentSpeakers } from '../../speakers/queries';
import { SpeakerRoleMenu } from '../../speakers/SpeakerRoleMenu';
import { EditClaimModal } from './EditClaimModal';
import { VerdictEditor } from '../verdict/VerdictEditor';
import { VersionHistory } from '../history/VersionHistory';
import { lastInboxSearch } from '../inbox/useSelection';
import { AssignmentSection } from './AssignmentSection';
import { ChangeRequest } from './ChangeRequest';
import { CheckWorthiness, SimilarClaims } from './ClaimAside';
import { ClaimActions, type Dialog } from './ClaimActions';
import { ClaimCluster } from './ClaimCluster';
import { ClaimDialogs } from './ClaimDialogs';
import { ClaimHistory } from './ClaimHistory';
import { Comments } from './Comments';
import { ProvenanceSection } from './ProvenanceSection';
import { Section } from './Section';

/** Where the claim was said: the passage around it and the original document. */
function InContext({ context, children }: { context: NonNullable<ClaimDetailDto['context']>; children: string }) {
  return (
    <Section title="In context">
      <Text size="sm" className="context">
        {context.before.start > 0 && '… '}
        {context.before.text}
        <mark className="claim-mark">{children}</mark>
        {context.after.text} …
      </Text>
      {(context.outlet || context.documentUrl) && (
        <Text size="xs" c="dimmed" mt="xs">
          {context.outlet}
          {context.documentUrl && (
            <>
              {' · '}
              <Anchor
                href={webHref(context.documentUrl)}
                target="_blank"
                rel="noopener noreferrer"
                size="xs"
                underline="always"
              >
                original
              </Anchor>
            </>
          )}
        </Text>
      )}
    </Section>
  );
}

/** One claim: what was said and where, the verdict, the discussion, and what the user may do next. */
export function ClaimPage() {
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const claim = useClaim(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState(false);
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const speakers = useDocumentSpeakers(editor ? claim.data?.document?.id : undefined);

  if (claim.error) return <ErrorAlert error={claim.error} title="This claim could not be opened" />;
  if (claim.isPending) return <LoadingRows rows={8} height={60} />;
  const c = claim.data;
  const speakerHere = speakers.data?.find((s) => s.speaker.id === c.speaker?.id);
  const editable = c.actions.includes('start') || c.actions.includes('submit') || (editor && c.state === 'in_review');

  return (
    <>
      <Group gap="xs" mb={6}>
        <Anchor component={Link} to={`/claims${lastInboxSearch()}`} size="sm">
          Claims
        </Anchor>
        <Text size="sm" c="dimmed">
          /
        </Text>
        <StateBadge state={c.state} />
        {c.checkedBefore && (
          <Badge component="a" href={factCheckPath(c.checkedBefore.slug)} color="grape" variant="outline">
            Checked before
          </Badge>
        )}
        {c.factCheck && (
          <Anchor
            href={factCheckPath(c.factCheck.slug)}
            target="_blank"
            rel="noopener"
            size="sm"
            data-testid="public-link"
          >
            Public page ↗
          </Anchor>
        )}
      </Group>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={1} size="h3" className="claim-title">
          “{c.text}”
        </Title>
        {editor && decideClaimEdit(c.state).ok && (
          <Button size="compact-sm" variant="default" style={{ flexShrink: 0 }} onClick={() => setEditing(true)}>
            Edit claim
          </Button>
        )}
      </Group>
      <Group gap="xs" mb="md">
        <Text size="sm" c="dimmed">
          <Text span fw={600} c="dark.6">
            {c.speaker?.name ?? 'Unknown speaker'}
          </Text>
          {c.saidAt && ` · ${formatDate(c.saidAt)}`} · {TYPE_LABELS[c.claimType]}
          {c.document && (
            <>
              {' · '}
              <Anchor component={Link} to={`/documents/${c.document.id}`} size="sm" underline="always">
                {c.document.title ?? 'Untitled document'}
              </Anchor>
            </>
          )}
        </Text>
        {c.document && speakerHere && <SpeakerRoleMenu documentId={c.document.id} entry={speakerHere} />}
      </Group>
      <ChangeRequest claim={c} />
      <Paper withBorder p="md" radius="md" mb="md">
        <ClaimActions claim={c} onDialog={setDialog} />
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {c.context && <InContext context={c.context}>{c.text}</InContext>}
            <ProvenanceSection claim={c} editable={editor && decideClaimEdit(c.state).ok} />
            <Section
              title="Verdict"
              aside={c.verdict && <Badge variant="light">{c.verdict.state.replace('_', ' ')}</Badge>}
            >
              <VerdictEditor
                key={c.id}
                claimId={c.id}
                verdict={c.verdict}
                editable={editable}
                canSubmit={c.actions.includes('submit')}
              />
            </Section>
            <VersionHistory claim={c} />
            <Comments claim={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <CheckWorthiness claim={c} />
            <AssignmentSection claim={c} onDialog={setDialog} />
            <ClaimCluster claim={c} editor={editor} />
            <SimilarClaims claim={c} />
            <ClaimHistory history={c.history} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ClaimDialogs claim={c} dialog={dialog} onClose={() => setDialog(null)} />
      {editing && <EditClaimModal claim={c} onClose={() => setEditing(false)} />}
    </>
  );
}
