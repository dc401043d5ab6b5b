import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type Column } from './DataTable';

interface Row {
  id: string;
  name: string;
  count: number;
}
const rows: Row[] = [
  { id: '1', name: 'Alpha', count: 3 },
  { id: '2', name: 'Beta', count: 5 },
];
const columns: Column<Row>[] = [
  { key: 'name', header: 'Name', cell: (r) => r.name },
  { key: 'count', header: 'Count', align: 'right', cell: (r, i) => `${r.count} (#${i + 1})` },
  { key: 'act', label: 'Actions', cell: (r) => <button>Open {r.name}</button> },
];
const wrap = (ui: ReactNode) => render(<MantineProvider>{ui}</MantineProvider>);

describe('DataTable', () => {
  it('renders a header per column and a row per item, cells from the columns', () => {
    wrap(<DataTable rows={rows} columns={columns} rowKey={(r) => r.id} tableProps={{ 'aria-label': 'Things' }} />);
    const table = screen.getByRole('table', { name: 'Things' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Count', '']);
    expect(within(table).getByRole('columnheader', { name: 'Actions' })).toBeTruthy();
    const body = within(table).getAllByRole('row').slice(1);
    expect(
      body.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Alpha', '3 (#1)', 'Open Alpha'],
      ['Beta', '5 (#2)', 'Open Beta'],
    ]);
  });

  it('leaves out columns given as false', () => {
    wrap(<DataTable rows={rows} columns={[false, columns[0]!, null]} rowKey={(r) => r.id} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Name']);
  });

  it("gives each row the props rowProps returns, with the row's handlers", () => {
    const onClick = vi.fn();
    wrap(
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        rowProps={(r, i) => ({
          'data-testid': 'thing-row',
          className: i === 1 ? 'current' : undefined,
          onClick: () => onClick(r.id),
        })}
      />,
    );
    const body = screen.getAllByTestId('thing-row');
    expect(body).toHaveLength(2);
    expect(body[1]!.className).toContain('current');
    fireEvent.click(body[1]!);
    expect(onClick).toHaveBeenCalledWith('2');
  });

  it('shows loading rows, then the empty state, instead of the table', () => {
    const { rerender } = wrap(
      <DataTable rows={[]} columns={columns} rowKey={(r) => r.id} loading empty={<p>Nothing yet</p>} />,
    );
    expect(screen.getByRole('status', { name: 'Loading' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    rerender(
      <MantineProvider>
        <DataTable rows={[]} columns={columns} rowKey={(r) => r.id} empty={<p>Nothing yet</p>} />
      </MantineProvider>,
    );
    expect(screen.getByText('Nothing yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a loading error in place of the table', () => {
    wrap(<DataTable rows={[]} columns={columns} rowKey={(r) => r.id} error={new Error('The list failed.')} />);
    expect(screen.getByRole('alert').textContent).toContain('The list failed.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows an empty table (headers only) when no empty state is given', () => {
    wrap(<DataTable rows={[]} columns={columns} rowKey={(r) => r.id} />);
    expect(screen.getAllByRole('row')).toHaveLength(1);
  });
});
