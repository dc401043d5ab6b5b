import { useState } from 'react';
import { Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import {
  correctionHeading,
  type ClaimDetailDto,
  type FactCheckVersionDto,
  type VerdictVersionDto,
} from '@factdesk/domain';
import { ErrorAlert, LoadingRows } from '../../../components/common';
import { formatDateTime } from '../../../lib/format';
import { Section } from '../claim/Section';
import { CompareVersions } from './CompareVersions';
import { factCheckVersionText, verdictVersionText, versionSteps } from './diff';
import { useFactCheckVersions, useVerdictVersions, versionsStamp } from './queries';

const KIND_LABEL: Record<VerdictVersionDto['kind'], string> = { save: 'Saved', correction: 'Correction' };

function VerdictVersions({ claim, versions }: { claim: ClaimDetailDto; versions: VerdictVersionDto[] }) {
  const steps = versionSteps(versions, claim.history);
  return (
    <Stack gap="sm">
      <Table verticalSpacing={6} fz="sm" data-testid="verdict-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version} data-testid="verdict-version">
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>
                <Badge size="xs" variant={v.kind === 'correction' ? 'filled' : 'light'}>
                  {KIND_LABEL[v.kind]}
                </Badge>
                {steps.get(v.version)!.map((s) => (
                  <Text key={s} size="xs" c="dimmed">
                    {s}
                  </Text>
                ))}
                {v.sentBack.map((s) => (
                  <Text key={s.at} size="xs" className="pre-wrap">
                    “{s.comment}”
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{v.author.name}</Table.Td>
              <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <CompareVersions
        name="verdict"
        versions={versions.map((v) => ({
          version: v.version,
          label: `Version ${v.version} · ${v.author.name}`,
          text: verdictVersionText(v),
        }))}
      />
    </Stack>
  );
}

function PublishedVersions({ claim, versions }: { claim: ClaimDetailDto; versions: FactCheckVersionDto[] }) {
  const notes = new Map((claim.factCheck?.corrections ?? []).map((c) => [c.version, c]));
  return (
    <Stack gap="sm">
      <Table verticalSpacing={6} fz="sm" data-testid="published-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => {
            const note = notes.get(v.version);
            return (
              <Table.Tr key={v.version} data-testid="published-version">
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {note ? (note.kind === 'retraction' ? 'Retracted' : 'Corrected') : 'Published'}
                    <Text span size="xs" c="dimmed">{` · verdict version ${v.verdictVersion}`}</Text>
                  </Text>
                  {note && (
                    <Text size="xs" className="pre-wrap">
                      {correctionHeading(note.kind, note.fields)}: “{note.note}”
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{v.createdBy.name}</Table.Td>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <CompareVersions
        name="published"
        versions={versions.map((v) => ({
          version: v.version,
          label: `Published version ${v.version}`,
          text: factCheckVersionText(v),
        }))}
      />
    </Stack>
  );
}

/** Every version of the verdict and of the published fact-check: who made it, when, and what changed. */
export function VersionHistory({ claim }: { claim: ClaimDetailDto }) {
  const [view, setView] = useState<'verdict' | 'published'>('verdict');
  const verdict = useVerdictVersions(claim.id, versionsStamp(claim));
  const published = useFactCheckVersions(claim.factCheck);
  if (!claim.verdict) return null;
  const shown = view === 'published' && claim.factCheck ? published : verdict;
  return (
    <Section
      title="Versions"
      aside={
        claim.factCheck && (
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as typeof view)}
            data-testid="version-view"
            data={[
              { value: 'verdict', label: 'Verdict' },
              { value: 'published', label: 'Published' },
            ]}
          />
        )
      }
    >
      <div data-testid="version-history">
        {shown.error ? (
          <ErrorAlert error={shown.error} />
        ) : !verdict.data || (shown === published && !published.data) ? (
          <LoadingRows rows={3} />
        ) : shown === published ? (
          <PublishedVersions claim={claim} versions={published.data!} />
        ) : (
          <VerdictVersions claim={claim} versions={verdict.data} />
        )}
      </div>
    </Section>
  );
}
