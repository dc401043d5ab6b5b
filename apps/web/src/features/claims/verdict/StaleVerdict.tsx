import { List, Text } from '@mantine/core';
import type { VerdictDto } from '@factdesk/domain';
import { ApiRequestError } from '../../../api/client';
import { useRatings } from '../queries';
import { changedFields, contentOf, describe, FIELD_LABELS } from './merge';

/** The newer version a submit or approve was refused for (409 with `current`), or null. */
export function staleCurrent(error: unknown): VerdictDto | null {
  return error instanceof ApiRequestError && error.status === 409 && error.body.current
    ? (error.body.current as VerdictDto)
    : null;
}

/** Under a refused approval: what the newer version changed since the one the editor was looking at. */
export function StaleVerdictChanges({ seen, current }: { seen: VerdictDto; current: VerdictDto }) {
  const ratings = useRatings().data ?? [];
  const [before, after] = [contentOf(seen), contentOf(current)];
  return (
    <div data-testid="stale-changes">
      <Text size="sm" mt={4}>
        Changed in version {current.version} (now shown):
      </Text>
      <List size="sm">
        {changedFields(before, after).map((f) => (
          <List.Item key={f}>
            <strong>{FIELD_LABELS[f]}</strong>: {describe(before, f, ratings)} → {describe(after, f, ratings)}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
