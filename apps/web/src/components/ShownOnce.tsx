import type { ReactNode } from 'react';
import { Alert, Button, Code, CopyButton, Group } from '@mantine/core';

/** A secret the API returns once (an API token, a webhook's signing secret), with a copy button. */
export function ShownOnce({
  what,
  value,
  testId,
  children,
}: {
  what: string;
  value: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Alert color="green" title={`Copy the ${what} now: it is shown only once`}>
      <Group gap="xs">
        <Code data-testid={testId}>{value}</Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-xs" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      {children}
    </Alert>
  );
}
