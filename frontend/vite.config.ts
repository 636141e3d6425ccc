/// <reference types="vitest" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into target/classes/static, which the backend serves at "/" (no second server).
export default defineConfig({
  plugins: [react()],
  resolve: {
    // One Preact for every bpmn.io library. form-js-editor 1.23 pins its own preact (<=10.15.1, for
    // form-js issue #760) while form-js-viewer and the properties panel take the top-level 10.29:
    // the editor's tree then mixes two Preacts, whose hooks fail ("Cannot read properties of
    // undefined (reading 'context')") and the editor never mounts (SatisfactionSurveyWebIT).
    dedupe: ['preact'],
  },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npm run dev` beside a running backend
    proxy: { '/api': 'http://localhost:8080' },
    // the tests read the Camunda Forms of ../forms
    fs: { allow: ['.', '../forms'] },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // a page test renders charts and waits for several requests: on a busy two-core machine that
    // took more than vitest's default 5 s, which says nothing about the page
    testTimeout: 30_000,
  },
});
