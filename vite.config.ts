import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A relative base lets the built files be served from any sub-path (GitHub Pages, a course site).
// The dev and preview servers send COOP/COEP so that later features may use SharedArrayBuffer,
// but nothing essential depends on them: static hosts usually cannot send these headers.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
});
