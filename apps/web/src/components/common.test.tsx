import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/client';
import { ErrorAlert } from './common';

const shown = (error: unknown) => {
  render(
    <MantineProvider>
      <ErrorAlert error={error} />
    </MantineProvider>,
  );
  return screen.getByRole('alert').textContent ?? '';
};

describe('ErrorAlert', () => {
  it('names each field at fault once, not again in the message the API wrote for other clients', () => {
    const text = shown(
      new ApiRequestError({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid request: text must not be empty',
        fields: [{ field: 'text', message: 'must not be empty' }],
      }),
    );
    expect(text.match(/must not be empty/g)).toHaveLength(1);
    expect(text).toContain('text must not be empty');
  });

  it('shows the message of any other error', () => {
    expect(shown(new ApiRequestError({ statusCode: 409, error: 'Conflict', message: 'Already published.' }))).toContain(
      'Already published.',
    );
  });
});
