import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VersionText } from './diff';
import { VersionDiffView } from './VersionDiffView';

const before: VersionText = {
  rating: 'False',
  headline: 'Not a half',
  conclusion: 'It rose.',
  analysis: 'The office reports a rise.',
  sources: [{ url: 'https://a.example', title: 'A', publisher: null, publishedOn: null, quote: null, kind: 'primary' }],
};

const shown = (after: VersionText) =>
  render(
    <MantineProvider>
      <VersionDiffView before={before} after={after} />
    </MantineProvider>,
  ).container;

describe('VersionDiffView', () => {
  it('marks words as <ins> and <del>, the spaces around them left out of the mark', () => {
    const view = shown({ ...before, analysis: 'The national office reports a fall.' });
    const analysis = screen.getByTestId('diff-analysis');
    expect([...analysis.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['national', 'fall']);
    expect([...analysis.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['rise']);
    expect(analysis.textContent).toBe('AnalysisThe national office reports a risefall.');
    expect(view.textContent).toContain('Unchanged: rating, headline, conclusion, sources.');
  });

  it('shows only the fields that changed, and each source added or removed in words', () => {
    shown({
      ...before,
      rating: 'Misleading',
      sources: [{ ...before.sources[0], url: 'https://b.example', title: 'B' }],
    });
    expect(screen.queryByTestId('diff-analysis')).toBeNull();
    expect(screen.getByTestId('diff-rating').textContent).toBe('RatingFalseMisleading');
    expect(screen.getAllByTestId('diff-source').map((s) => [s.dataset.change, s.textContent])).toEqual([
      ['added', 'AddedB · primary'],
      ['removed', 'RemovedA · primary'],
    ]);
  });

  it('says so when nothing changed', () => {
    shown(before);
    expect(screen.getByTestId('version-diff').textContent).toBe('No changes between these versions.');
  });
});
