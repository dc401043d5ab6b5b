import { Badge, Button, Group, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import type { DocumentSpeakerDto } from '@factdesk/domain';
import { ROLE_LABELS } from './SpeakerForm';
import { useSetDocumentRole, useUpdateSpeaker } from './queries';

/** A speaker's part in one document, and an editor's ways to change it: here only, or always. */
export function SpeakerRoleMenu({ documentId, entry }: { documentId: string; entry: DocumentSpeakerDto }) {
  const setRole = useSetDocumentRole();
  const update = useUpdateSpeaker();
  const name = entry.speaker.name;
  const done = (message: string) => () => notifications.show({ message });
  return (
    <Group gap={6} wrap="nowrap">
      <Badge size="sm" variant="light" color={entry.asks ? 'grape' : 'gray'} data-testid="speaker-role">
        {ROLE_LABELS[entry.role]}
      </Badge>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="compact-xs"
            variant="subtle"
            rightSection={<IconChevronDown size={12} />}
            aria-label={`Role of ${name}`}
            loading={setRole.isPending || update.isPending}
          >
            Role
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            onClick={() =>
              setRole.mutate(
                { documentId, speakerId: entry.speaker.id, role: entry.asks ? 'participant' : 'moderator' },
                { onSuccess: done(`${name}: ${entry.asks ? 'a participant' : 'a moderator'} in this document`) },
              )
            }
          >
            {entry.asks ? 'Not a moderator in this document' : 'Moderator in this document'}
          </Menu.Item>
          <Menu.Item
            onClick={() =>
              update.mutate(
                { id: entry.speaker.id, defaultRole: entry.defaultRole === 'moderator' ? null : 'moderator' },
                {
                  onSuccess: done(
                    entry.defaultRole === 'moderator'
                      ? `${name}: no longer always a moderator`
                      : `${name}: always a moderator`,
                  ),
                },
              )
            }
          >
            {entry.defaultRole === 'moderator' ? 'Not always a moderator' : 'Always a moderator'}
          </Menu.Item>
          {entry.documentRole && (
            <Menu.Item
              onClick={() =>
                setRole.mutate(
                  { documentId, speakerId: entry.speaker.id, role: null },
                  { onSuccess: done(`${name}: role here as detected`) },
                )
              }
            >
              As detected ({entry.detectedRole ? ROLE_LABELS[entry.detectedRole] : 'unknown'})
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** A document's speakers with their roles, for the document page's side panel. */
export function DocumentSpeakers({ documentId, speakers }: { documentId: string; speakers: DocumentSpeakerDto[] }) {
  return (
    <>
      {speakers.map((entry) => (
        <Group
          key={entry.speaker.id}
          justify="space-between"
          wrap="nowrap"
          px="md"
          py={6}
          data-testid="document-speaker"
        >
          <span>
            {entry.speaker.name} <small>({entry.claimCount})</small>
          </span>
          <SpeakerRoleMenu documentId={documentId} entry={entry} />
        </Group>
      ))}
    </>
  );
}
