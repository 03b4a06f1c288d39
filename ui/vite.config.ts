/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The build must be byte-identical from the same sources (ui/dist is committed and `make test`
// rebuilds it): no source maps, no timestamps, content-hashed file names.
export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The console's CSP has no 'unsafe-inline': nothing may be inlined into index.html.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npm run dev` against a server on the default port (`go run ./server`).
    proxy: {
      '/graphql': 'http://127.0.0.1:8080',
      '/auth': 'http://127.0.0.1:8080',
      '/export': 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'happy-dom',
    // apq/ starts the real server (Go must be installed): the Apollo client's persisted queries.
    include: ['src/**/*.test.{ts,tsx}', 'apq/**/*.test.ts'],
  },
});
