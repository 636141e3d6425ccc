/// <reference types="vitest" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into target/classes/static, which the backend serves at "/" (no second server).
export default defineConfig({
  plugins: [react()],
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
  },
});
