import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { chunkModules } from './build/chunk-modules.mts';
import { mantineStaticCss } from './build/mantine-static-css.mts';

// `npm run dev:web` serves the portal with hot reload on http://127.0.0.1:5173 and proxies /api to
// the API (LUMBUNG_API_URL, default http://127.0.0.1:3000: start it with `npm start`).
// `npm run build:web` writes apps/web/dist, which the API serves at / on its own origin.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), mantineStaticCss(), chunkModules()],
  resolve: { alias: { '@': resolve(import.meta.dirname, 'src') } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // dist/.vite/manifest.json: which chunks each route loads (test/bench/web-bundle.bench.mjs).
    manifest: true,
    // Large chunks are the lazy ones (pdf.js and its worker, TipTap, ECharts), loaded only by
    // the pages that need them; the first route's budget is the web-bundle bench's, not this.
    chunkSizeWarningLimit: 1400,
    // The bundler's plugin timing report is noise in CI logs.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: process.env.LUMBUNG_API_URL ?? 'http://127.0.0.1:3000' } },
  },
});
