import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useSpeakers } from './queries';

/** A speaker picked from those known (by name or alias) or typed new: the API finds or adds them by name. */
export function SpeakerInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [debounced] = useDebouncedValue(value.trim(), 200);
  const speakers = useSpeakers(debounced);
  return (
    <Autocomplete
      label="Speaker"
      description="Pick a known speaker or type a new name"
      value={value}
      onChange={onChange}
      data={[...new Set((speakers.data ?? []).map((s) => s.name))]}
      filter={({ options }) => options}
    />
  );
}
