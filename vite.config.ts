import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// A relative base lets the built files be served from any sub-path (GitHub Pages, a course site).
// The dev and preview servers send COOP/COEP so that later features may use SharedArrayBuffer,
// but nothing essential depends on them: static hosts usually cannot send these headers.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The service worker precaches the whole app so it runs offline after one visit. It waits to be
// told before taking over ('prompt'): a new version must never reload the page mid-lecture.
const offline = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Servicescope',
    short_name: 'Servicescope',
    description: 'Watch requests flow through threads, queues, cores and machines.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#10141a',
    theme_color: '#10141a',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,json,webmanifest}'],
    navigateFallback: 'index.html',
  },
});

export default defineConfig({
  base: './',
  plugins: [react(), offline],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
});
