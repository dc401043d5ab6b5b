import { useState, type Ref } from 'react';
import { Badge, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { CLAIM_STATES, CLAIM_TYPES } from '@factdesk/domain';
import { STATE_LABELS, TYPE_LABELS } from '../../../lib/format';
import { useSpeakers, useWorkload, type ClaimFilters } from '../queries';
import { activeView, sortChoice, viewsFor } from './filters';

type SetFilter = (key: string, value: string | null | undefined) => void;

/** The saved views as a row of pills; the one matching the URL is filled. */
export function ViewBar({
  params,
  editor,
  onView,
}: {
  params: URLSearchParams;
  editor: boolean;
  onView: (params: string) => void;
}) {
  const active = activeView(params);
  return (
    <Group gap={6} mb="sm" role="toolbar" aria-label="Views">
      {viewsFor(editor).map((v) => (
        <Button
          key={v.label}
          size="compact-sm"
          radius="xl"
          variant={active === v ? 'filled' : 'default'}
          onClick={() => onView(v.params)}
        >
          {v.label}
        </Button>
      ))}
    </Group>
  );
}

/** The search box: typed text applies on Enter or on leaving the field. Keyed by the search in effect. */
function SearchBox({ q, onSearch, inputRef }: { q: string; onSearch: SetFilter; inputRef: Ref<HTMLInputElement> }) {
  const [search, setSearch] = useState(q);
  const apply = () => onSearch('q', search.trim() || null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      role="search"
    >
      <TextInput
        ref={inputRef}
        leftSection={<IconSearch size={16} />}
        placeholder='Search claims: words, "exact phrases", -excluded, or'
        aria-label="Search claims"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onBlur={() => search.trim() !== q && apply()}
        mb="xs"
      />
    </form>
  );
}

const MIN_SCORES = [
  { value: '0.3', label: '30+' },
  { value: '0.5', label: '50+' },
  { value: '0.75', label: '75+' },
];

export function InboxFilters({
  filters,
  onFilter,
  editor,
  meId,
  searchRef,
}: {
  filters: ClaimFilters;
  onFilter: SetFilter;
  editor: boolean;
  meId: string | undefined;
  searchRef: Ref<HTMLInputElement>;
}) {
  const speakers = useSpeakers();
  const workload = useWorkload(editor);
  const sort = sortChoice(filters);
  return (
    <Paper withBorder p="sm" radius="md" mb="sm">
      <SearchBox key={filters.q ?? ''} q={filters.q ?? ''} onSearch={onFilter} inputRef={searchRef} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs">
        <MultiSelect
          size="xs"
          label="State"
          placeholder="Any"
          data={CLAIM_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
          value={filters.state ?? []}
          onChange={(v) => onFilter('state', v.join(','))}
          clearable
        />
        <MultiSelect
          size="xs"
          label="Type"
          placeholder="Any"
          data={CLAIM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
          value={filters.type ?? []}
          onChange={(v) => onFilter('type', v.join(','))}
          clearable
        />
        <Select
          size="xs"
          label="Assignee"
          placeholder="Anyone"
          data={[
            { value: 'me', label: 'Me' },
            { value: 'none', label: 'Unassigned' },
            ...(workload.data ?? [])
              .filter((w) => w.user.id !== meId)
              .map((w) => ({ value: w.user.id, label: w.user.name })),
          ]}
          value={filters.assignee ?? null}
          onChange={(v) => onFilter('assignee', v)}
          clearable
        />
        <Select
          size="xs"
          label="Speaker"
          placeholder="Anyone"
          searchable
          data={(speakers.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.claimCount})` }))}
          value={filters.speakerId ?? null}
          onChange={(v) => onFilter('speakerId', v)}
          clearable
        />
        <Select
          size="xs"
          label="Minimum score"
          placeholder="Any"
          data={MIN_SCORES}
          value={filters.minScore !== undefined ? String(filters.minScore) : null}
          onChange={(v) => onFilter('minScore', v)}
          clearable
        />
        <Select size="xs" label="Sort" data={sort.options} value={sort.value} onChange={(v) => onFilter('sort', v)} />
        <TextInput
          size="xs"
          type="date"
          label="Said from"
          value={filters.saidFrom ?? ''}
          onChange={(e) => onFilter('saidFrom', e.currentTarget.value)}
        />
        <TextInput
          size="xs"
          type="date"
          label="Said before"
          value={filters.saidTo ?? ''}
          onChange={(e) => onFilter('saidTo', e.currentTarget.value)}
        />
        <Switch
          size="sm"
          mt={22}
          label="Check-worthy only"
          checked={filters.checkworthy === true}
          onChange={(e) => onFilter('checkworthy', e.currentTarget.checked ? 'true' : null)}
        />
        <Switch
          size="sm"
          mt={22}
          label="Include moderators and questioners"
          checked={filters.askers !== 'exclude'}
          onChange={(e) => onFilter('askers', e.currentTarget.checked ? null : 'exclude')}
        />
        {filters.documentId && (
          <Group mt={20} gap={4}>
            <Badge variant="light">One document</Badge>
            <Button size="compact-xs" variant="subtle" onClick={() => onFilter('documentId', null)}>
              Show all
            </Button>
          </Group>
        )}
      </SimpleGrid>
    </Paper>
  );
}
