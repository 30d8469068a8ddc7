import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiProblem } from './api/client';
import { ConsoleRoutes } from './console-routes';
import { cspNonce } from './session/csp-nonce';
import { ProvinceGate } from './session/province-gate';
import './format/dates';
import './console.css';

const nonce = cspNonce();

/**
 * antd's colours, darkened where its defaults fall short of WCAG 2.1 AA contrast (4.5:1) on white
 * and on the page's grey: secondary texts, placeholders and links.
 */
const CONSOLE_THEME = {
  colorPrimary: '#0b57a4',
  colorLink: '#0b57a4',
  colorError: '#cf1322',
  colorTextSecondary: 'rgba(0, 0, 0, 0.66)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
};

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A refusal (4xx) does not get better by asking again; a network failure or a 5xx may.
      retry: (count, error) => count < 2 && !(error instanceof ApiProblem && error.status >= 400 && error.status < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={viVN} csp={nonce ? { nonce } : undefined} theme={{ token: CONSOLE_THEME }}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <BrowserRouter basename="/admin">
            <ProvinceGate>
              <ConsoleRoutes />
            </ProvinceGate>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
