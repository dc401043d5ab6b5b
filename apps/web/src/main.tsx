import { lazy, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, createRoutesFromElements, Navigate, Route, RouterProvider } from 'react-router';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { ApiRequestError } from './api/client';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth, RequireRole } from './features/auth/RequireAuth';
import { Shell } from './layout/Shell';
import { cssVariablesResolver, theme } from './theme';
import './styles.css';

// Each screen is its own chunk (the dashboard's charts alone are a third of the code).
const AdminPage = lazy(() => import('./features/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const ClaimPage = lazy(() => import('./features/claims/claim/ClaimPage').then((m) => ({ default: m.ClaimPage })));
const InboxPage = lazy(() => import('./features/claims/inbox/InboxPage').then((m) => ({ default: m.InboxPage })));
const DashboardPage = lazy(() =>
  import('./features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const DocumentPage = lazy(() => import('./features/documents/DocumentPage').then((m) => ({ default: m.DocumentPage })));
const DocumentsPage = lazy(() =>
  import('./features/documents/DocumentsPage').then((m) => ({ default: m.DocumentsPage })),
);
const PublishedPage = lazy(() =>
  import('./features/published/PublishedPage').then((m) => ({ default: m.PublishedPage })),
);
const SpeakersPage = lazy(() => import('./features/speakers/SpeakersPage').then((m) => ({ default: m.SpeakersPage })));
const SourcesPage = lazy(() => import('./features/sources/SourcesPage').then((m) => ({ default: m.SourcesPage })));
const TodayPage = lazy(() => import('./features/today/TodayPage').then((m) => ({ default: m.TodayPage })));
const ReviewPage = lazy(() => import('./features/review/ReviewPage').then((m) => ({ default: m.ReviewPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    // Client errors will not fix themselves on retry; network blips might.
    queries: {
      retry: (count, err) => !(err instanceof ApiRequestError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

// A data router: the verdict editor blocks in-app navigation while it has unsaved edits (useBlocker).
const router = createBrowserRouter(
  createRoutesFromElements(
    <>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <Shell />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="claims" element={<InboxPage />} />
        <Route path="claims/:id" element={<ClaimPage />} />
        <Route path="documents" element={<DocumentsPage />} />
        <Route path="documents/:id" element={<DocumentPage />} />
        <Route
          path="today"
          element={
            <RequireRole role="editor">
              <TodayPage />
            </RequireRole>
          }
        />
        <Route
          path="speakers"
          element={
            <RequireRole role="editor">
              <SpeakersPage />
            </RequireRole>
          }
        />
        <Route
          path="sources"
          element={
            <RequireRole role="editor">
              <SourcesPage />
            </RequireRole>
          }
        />
        <Route
          path="review"
          element={
            <RequireRole role="editor">
              <ReviewPage />
            </RequireRole>
          }
        />
        <Route
          path="published"
          element={
            <RequireRole role="editor">
              <PublishedPage />
            </RequireRole>
          }
        />
        <Route
          path="admin"
          element={
            <RequireRole role="admin">
              <AdminPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </>,
  ),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* No ColorSchemeScript: it is an inline script, which the API's CSP refuses; the light scheme is the default anyway. */}
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
