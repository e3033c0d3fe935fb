import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Static files only: the portal's server (server/main.ts) serves them and relays /graphql and /files to
// the gateway. Views have addresses of their own (/cases/…), so assets are named from the root.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@polyplus/web-ui': fileURLToPath(new URL('../../libs/web-ui/src/index.ts', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/support-center/public', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
});
