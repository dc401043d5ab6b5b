import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Paper, Table, type TableProps } from '@mantine/core';
import { ErrorAlert, LoadingRows } from './common';

export interface Column<T> {
  /** Unique within the table; React's key for the header and cells. */
  key: string;
  header?: ReactNode;
  /** The header's accessible name when it shows none (an actions column). */
  label?: string;
  width?: number;
  align?: 'left' | 'right';
  maxWidth?: number;
  cell: (row: T, index: number) => ReactNode;
}

type RowProps = Omit<ComponentPropsWithRef<'tr'>, 'children'> & { [data: `data-${string}`]: string | undefined };

/**
 * The app's list table: a bordered card holding loading rows, an empty state, or the table with one row per
 * item. Columns say what each cell shows; `rowProps` adds a row's test id, class or handlers.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  rowProps,
  loading = false,
  loadingRows,
  error,
  empty,
  before,
  minWidth,
  verticalSpacing = 'xs',
  highlightOnHover = false,
  tableProps,
}: {
  rows: readonly T[];
  columns: readonly (Column<T> | false | null | undefined)[];
  rowKey: (row: T) => string;
  rowProps?: (row: T, index: number) => RowProps;
  loading?: boolean;
  /** How many placeholder rows, and how tall, while loading. */
  loadingRows?: { rows: number; height: number };
  /** Loading the rows failed: the error is shown in place of the table. */
  error?: unknown;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
  /** Shown inside the card above the table (an error from loading it). */
  before?: ReactNode;
  /** Scrolls sideways below this width rather than squeezing the columns. */
  minWidth?: number;
  verticalSpacing?: TableProps['verticalSpacing'];
  highlightOnHover?: boolean;
  tableProps?: Omit<TableProps, 'children'> & { [aria: `aria-${string}`]: string | number | undefined };
}) {
  const cols = columns.filter((c): c is Column<T> => !!c);
  const table = (
    <Table verticalSpacing={verticalSpacing} highlightOnHover={highlightOnHover} {...tableProps}>
      <Table.Thead>
        <Table.Tr>
          {cols.map((c) => (
            <Table.Th key={c.key} w={c.width} ta={c.align} aria-label={c.label}>
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, i) => (
          <Table.Tr key={rowKey(row)} {...rowProps?.(row, i)}>
            {cols.map((c) => (
              <Table.Td key={c.key} ta={c.align} maw={c.maxWidth}>
                {c.cell(row, i)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Paper withBorder radius="md" p={0}>
      {before}
      {loading ? (
        <div style={{ padding: 16 }}>
          <LoadingRows {...loadingRows} />
        </div>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 && empty ? (
        empty
      ) : minWidth ? (
        <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
      ) : (
        table
      )}
    </Paper>
  );
}
