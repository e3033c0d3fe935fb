import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Static files only: the board server (server/main.ts) serves them and relays /graphql to the gateway.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@polyplus/web-ui': fileURLToPath(new URL('../../libs/web-ui/src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/dispatch-board/public', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
});
