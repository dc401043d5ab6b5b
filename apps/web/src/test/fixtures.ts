import type { ClaimSummaryDto, RatingDto, VerdictDto } from '@factdesk/domain';

export const rating = (id: string, label: string): RatingDto =>
  ({ id, slug: id, label, description: '', value: null, colour: '#888', position: 1, active: true }) as RatingDto;

export function verdict(version: number, fields: Partial<VerdictDto> = {}): VerdictDto {
  return {
    id: 'v1',
    claimId: 'c1',
    version,
    state: 'draft',
    rating: null,
    headline: '',
    conclusion: '',
    analysis: '',
    sources: [],
    author: { id: 'u2', name: 'Ana' },
    versionBy: { id: 'u2', name: 'Ana' },
    versionKind: 'save',
    submittedAt: null,
    approvedAt: null,
    approvedBy: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    problems: [],
    ...fields,
  } as VerdictDto;
}

export const claim = (id: string): ClaimSummaryDto => ({ id, text: `Claim ${id}` }) as ClaimSummaryDto;
