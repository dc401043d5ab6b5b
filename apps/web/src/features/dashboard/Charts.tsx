import type { ReactNode } from 'react';
import { Paper, Text } from '@mantine/core';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CLAIM_STATES, type StatsDto } from '@factdesk/domain';
import { STATE_LABELS } from '../../lib/format';

// Mantine's palette at shade 6, so charts match the state badges.
const STATE_HEX: Record<string, string> = {
  detected: '#868e96',
  accepted: '#228be6',
  dismissed: '#495057',
  assigned: '#15aabf',
  in_progress: '#4c6ef5',
  in_review: '#7950f2',
  changes_requested: '#fd7e14',
  approved: '#12b886',
  published: '#40c057',
  corrected: '#82c91e',
  retracted: '#fa5252',
};

function ChartCard({ title, children, empty }: { title: string; children: ReactNode; empty: boolean }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text fw={600} size="sm" mb="sm">
        {title}
      </Text>
      {empty ? (
        <Text c="dimmed" size="sm" h={200} className="chart-empty">
          No data yet.
        </Text>
      ) : (
        <div style={{ height: 220 }}>{children}</div>
      )}
    </Paper>
  );
}

export function ClaimsByStateChart({ stats }: { stats: StatsDto }) {
  const data = CLAIM_STATES.map((s) => ({
    state: s,
    label: STATE_LABELS[s],
    count: stats.claimsByState[s] ?? 0,
  })).filter((d) => d.count > 0);
  return (
    <ChartCard title="Claims by state" empty={data.length === 0}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="label" width={110} fontSize={12} />
          <Tooltip />
          <Bar dataKey="count" name="Claims" radius={[0, 3, 3, 0]}>
            {data.map((d) => (
              <Cell key={d.state} fill={STATE_HEX[d.state]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function RatingsChart({ stats }: { stats: StatsDto }) {
  const data = stats.ratings.filter((r) => r.count > 0);
  return (
    <ChartCard title="Ratings of published fact-checks" empty={data.length === 0}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ right: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={12} interval={0} />
          <YAxis allowDecimals={false} fontSize={12} width={32} />
          <Tooltip />
          <Bar dataKey="count" name="Fact-checks" radius={[3, 3, 0, 0]}>
            {data.map((d) => (
              <Cell key={d.rating} fill={d.colour} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function PublishedPerWeekChart({ stats }: { stats: StatsDto }) {
  // Weeks arrive as ISO weeks ("2026-W48"); the year adds nothing on a twelve-week axis.
  const data = stats.publishedPerWeek.map((w) => ({ ...w, label: w.week.replace(/^\d{4}-/, '') }));
  return (
    <ChartCard title="Published per week" empty={data.length === 0}>
      <ResponsiveContainer>
        <AreaChart data={data} margin={{ right: 8 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={32} />
          <Tooltip />
          <Area type="monotone" dataKey="count" name="Published" stroke="#2f9e44" fill="#b2f2bb" />
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

export function SpeakersChart({ stats }: { stats: StatsDto }) {
  const data = stats.speakers.slice(0, 8).map((s) => ({ name: s.speaker.name, checked: s.checked }));
  return (
    <ChartCard title="Claims checked per speaker" empty={data.length === 0}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} fontSize={12} />
          <YAxis type="category" dataKey="name" width={120} fontSize={12} />
          <Tooltip />
          <Bar dataKey="checked" name="Checked" fill="#4c6ef5" radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
