import { Tabs } from '@mantine/core';
import { PageHeader } from '../../components/common';
import { RatingsTab } from './RatingsTab';
import { SitePagesTab } from './SitePagesTab';
import { TokensTab } from './TokensTab';
import { UsersTab } from './UsersTab';
import { WebhooksTab } from './WebhooksTab';

/** Administration, one tab per feature (each in its own file). */
export function AdminPage() {
  return (
    <>
      <PageHeader
        title="Admin"
        description="People and their roles, integration tokens, the rating scale, the public policy pages and webhooks."
      />
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">People and roles</Tabs.Tab>
          <Tabs.Tab value="tokens">API tokens</Tabs.Tab>
          <Tabs.Tab value="ratings">Rating scale</Tabs.Tab>
          <Tabs.Tab value="pages">Methodology and corrections policy</Tabs.Tab>
          <Tabs.Tab value="webhooks">Webhooks</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="tokens">
          <TokensTab />
        </Tabs.Panel>
        <Tabs.Panel value="ratings">
          <RatingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="pages">
          <SitePagesTab />
        </Tabs.Panel>
        <Tabs.Panel value="webhooks">
          <WebhooksTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
