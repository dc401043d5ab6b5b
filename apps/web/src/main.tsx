import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { ApiRequestError } from './api/client';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth, RequireRole } from './features/auth/RequireAuth';
import { AdminPage } from './features/admin/AdminPage';
import { ClaimPage } from './features/claims/ClaimPage';
import { InboxPage } from './features/claims/InboxPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { DocumentPage } from './features/documents/DocumentPage';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { PublishedPage } from './features/published/PublishedPage';
import { ReviewPage } from './features/review/ReviewPage';
import { Shell } from './layout/Shell';
import { cssVariablesResolver, theme } from './theme';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Client errors will not fix themselves on retry; network blips might.
    queries: { retry: (count, err) => !(err instanceof ApiRequestError && err.status >= 400 && err.status < 500) && count < 2 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* No ColorSchemeScript: it is an inline script, which the API's CSP refuses; the light scheme is the default anyway. */}
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
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
              <Route path="review" element={<RequireRole role="editor"><ReviewPage /></RequireRole>} />
              <Route path="published" element={<RequireRole role="editor"><PublishedPage /></RequireRole>} />
              <Route path="admin" element={<RequireRole role="admin"><AdminPage /></RequireRole>} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
