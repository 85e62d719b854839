import '@mantine/core/styles.layer.css';
import 'virtual:mantine-theme.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { i18nReady } from './i18n';
import { session } from './lib/auth/session';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The shell's translations and the session (refresh cookie) first, so the first route's guards
// already know who is signed in; both are quick and run in parallel.
void Promise.all([i18nReady, session.init()]).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
