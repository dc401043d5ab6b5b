import { Group, Stack, TextInput } from '@mantine/core';
import { formatMediaTime, parseMediaTime, type Provenance } from '@factdesk/domain';

/** The provenance fields as typed: text, so a half-typed time is not lost. */
export interface ProvenanceForm {
  saidAt: string;
  venue: string;
  sourceUrl: string;
  mediaUrl: string;
  mediaStart: string;
  appearedIn: string;
}

export const EMPTY_PROVENANCE_FORM: ProvenanceForm = {
  saidAt: '',
  venue: '',
  sourceUrl: '',
  mediaUrl: '',
  mediaStart: '',
  appearedIn: '',
};

/** A stored provenance as the form shows it (a date input takes YYYY-MM-DD; times read 12:34). */
export function provenanceToForm(p: Provenance): ProvenanceForm {
  return {
    saidAt: p.saidAt ? p.saidAt.slice(0, 10) : '',
    venue: p.venue ?? '',
    sourceUrl: p.sourceUrl ?? '',
    mediaUrl: p.mediaUrl ?? '',
    mediaStart: p.mediaStartSeconds === null ? '' : formatMediaTime(p.mediaStartSeconds),
    appearedIn: p.appearedIn ?? '',
  };
}

/** What the form says, with null for an empty field; `mediaStart` is an error message when it is not a time. */
export function provenanceFromForm(f: ProvenanceForm): { value: Provenance; timeError: string | null } {
  const text = (s: string) => s.trim() || null;
  const seconds = f.mediaStart.trim() ? parseMediaTime(f.mediaStart) : null;
  return {
    value: {
      saidAt: text(f.saidAt),
      venue: text(f.venue),
      sourceUrl: text(f.sourceUrl),
      mediaUrl: text(f.mediaUrl),
      mediaStartSeconds: seconds,
      appearedIn: text(f.appearedIn),
    },
    timeError: f.mediaStart.trim() && seconds === null ? 'Write a time such as 12:34, 1:02:34 or 754 (seconds)' : null,
  };
}

/**
 * Where and when it was said: the public name, date, venue, the original's address and a recording with the
 * time in it. `placeholders` show what stands when a field is left empty (a claim's document's values).
 */
export function ProvenanceFields({
  value,
  onChange,
  sourceUrl = true,
  placeholders = {},
  timeError,
}: {
  value: ProvenanceForm;
  onChange: (next: ProvenanceForm) => void;
  /** A document fetched from a URL has that URL as its original: no separate field. */
  sourceUrl?: boolean;
  placeholders?: Partial<ProvenanceForm>;
  timeError?: string | null;
}) {
  const field = (key: keyof ProvenanceForm) => ({
    value: value[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.currentTarget.value }),
    placeholder: placeholders[key] || undefined,
  });
  return (
    <Stack gap="sm">
      <TextInput
        label="Appeared in"
        description="The public name of where it was said, shown to readers (the title stays internal)"
        maxLength={300}
        {...field('appearedIn')}
      />
      <Group grow align="flex-start">
        <TextInput label="Date said" type="date" {...field('saidAt')} />
        <TextInput label="Where" description="Event or venue" maxLength={300} {...field('venue')} />
      </Group>
      {sourceUrl && (
        <TextInput
          label="Original’s URL"
          type="url"
          {...field('sourceUrl')}
          placeholder={placeholders.sourceUrl || 'https://…'}
        />
      )}
      <Group grow align="flex-start">
        <TextInput
          label="Recording"
          description="Video or audio URL"
          type="url"
          {...field('mediaUrl')}
          placeholder={placeholders.mediaUrl || 'https://…'}
        />
        <TextInput
          label="Starts at"
          description="Time in the recording (12:34)"
          {...field('mediaStart')}
          error={timeError}
        />
      </Group>
    </Stack>
  );
}
