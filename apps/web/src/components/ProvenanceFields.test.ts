import { describe, expect, it } from 'vitest';
import { EMPTY_PROVENANCE_FORM, provenanceFromForm, provenanceToForm } from './ProvenanceFields';

describe('the provenance form', () => {
  it('reads what was typed: empty fields are null, a time like 12:34 is seconds', () => {
    const { value, timeError } = provenanceFromForm({
      ...EMPTY_PROVENANCE_FORM,
      saidAt: '2022-06-30',
      venue: '  Minsk ',
      mediaUrl: 'https://tv.example/a',
      mediaStart: '12:34',
    });
    expect(timeError).toBeNull();
    expect(value).toEqual({
      saidAt: '2022-06-30',
      venue: 'Minsk',
      sourceUrl: null,
      mediaUrl: 'https://tv.example/a',
      mediaStartSeconds: 754,
      appearedIn: null,
    });
  });

  it('says so when the time is not one', () => {
    expect(provenanceFromForm({ ...EMPTY_PROVENANCE_FORM, mediaStart: '12 min' }).timeError).toMatch(/12:34/);
  });

  it('shows a stored provenance as typed text', () => {
    expect(
      provenanceToForm({
        saidAt: '2022-06-30T00:00:00.000Z',
        venue: null,
        sourceUrl: 'https://a.example/',
        mediaUrl: null,
        mediaStartSeconds: 3754,
        appearedIn: 'Remarks',
      }),
    ).toEqual({
      saidAt: '2022-06-30',
      venue: '',
      sourceUrl: 'https://a.example/',
      mediaUrl: '',
      mediaStart: '1:02:34',
      appearedIn: 'Remarks',
    });
  });
});
