import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The development GraphQL IDE: one script and one stylesheet with fixed names (the gateway writes the
// page that loads them), lazily loaded chunks beside them; served by the gateway under /graphiql/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/graphiql/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../../dist/apps/gateway/graphiql', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    cssCodeSplit: false,
    // GraphiQL with its editor is one large script; it is a development tool loaded once.
    chunkSizeWarningLimit: 2_000,
    rolldownOptions: {
      input: fileURLToPath(new URL('main.tsx', import.meta.url)),
      output: { entryFileNames: 'graphiql.js', chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: 'graphiql[extname]' },
      // react-compiler-runtime's "use no memo" directive means nothing once bundled.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
