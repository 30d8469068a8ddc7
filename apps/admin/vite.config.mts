import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The console is served by the API at /admin (apps/api/src/admin-console.ts): built once into
 * dist/admin, hashed assets under /admin/assets. `npm run admin:dev` proxies /api to a running API.
 */
export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    // Where the API reads it from (ADMIN_DIST_DIR, relative to the repository).
    outDir: resolve(repository, process.env.ADMIN_DIST_DIR ?? 'dist/admin'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { '/api': process.env.API_ORIGIN ?? 'http://127.0.0.1:3000' } },
});
