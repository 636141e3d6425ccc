import { defineConfig } from 'vite';

// The chat widget (src/chat-widget): one self-contained script, no React, built after the
// application into the same directory and served by the backend at /chat/widget.js.
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: false,
    lib: {
      entry: 'src/chat-widget/main.ts',
      formats: ['iife'],
      name: 'SportelloChat',
      fileName: () => 'chat/widget.js',
    },
  },
});
