import { useState, type FormEvent } from 'react';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { useLogin, useMe } from './queries';

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.data) return <Navigate to={from} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password });
  };

  return (
    <main className="login">
      <Paper
        component="form"
        withBorder
        shadow="sm"
        radius="md"
        p="xl"
        w={380}
        maw="100%"
        onSubmit={submit}
        aria-labelledby="login-title"
      >
        <Stack gap="md">
          <div>
            <Title id="login-title" order={1} className="brand login-brand">
              Factdesk
            </Title>
            <Text c="dimmed" size="sm">
              Sign in to your newsroom's fact-checking desk.
            </Text>
          </div>
          <TextInput
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {login.error && (
            <Text role="alert" c="red.8" size="sm">
              {login.error.message}
            </Text>
          )}
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </main>
  );
}
