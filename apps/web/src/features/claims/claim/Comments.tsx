import { useState, type FormEvent } from 'react';
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { ClaimDetailDto } from '@factdesk/domain';
import { ErrorAlert, LoadingRows } from '../../../components/common';
import { formatDateTime } from '../../../lib/format';
import { useAddComment, useComments } from '../queries';
import { Section } from './Section';

/** The desk's discussion of the claim. */
export function Comments({ claim }: { claim: ClaimDetailDto }) {
  const comments = useComments(claim.id);
  const add = useAddComment();
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) add.mutate({ id: claim.id, body: body.trim() }, { onSuccess: () => setBody('') });
  };
  return (
    <Section title="Comments">
      {comments.isPending ? (
        <LoadingRows rows={2} />
      ) : (
        <Stack gap="sm" mb="sm">
          {(comments.data ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              No comments yet.
            </Text>
          )}
          {comments.data?.map((c) => (
            <div key={c.id} className="comment">
              <Text size="xs" c="dimmed">
                <strong>{c.author.name}</strong> · {formatDateTime(c.createdAt)}
                {c.verdictVersion ? ` · on version ${c.verdictVersion}` : ''}
              </Text>
              <Text size="sm" className="pre-wrap">
                {c.body}
              </Text>
            </div>
          ))}
        </Stack>
      )}
      <form onSubmit={submit}>
        <Textarea
          aria-label="New comment"
          placeholder="Write a comment for the desk"
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        {add.error && <ErrorAlert error={add.error} />}
        <Group justify="flex-end" mt="xs">
          <Button type="submit" size="xs" variant="light" disabled={!body.trim()} loading={add.isPending}>
            Comment
          </Button>
        </Group>
      </form>
    </Section>
  );
}
