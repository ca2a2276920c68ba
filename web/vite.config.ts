import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The dashboard is built into the package (dist/web) and served by `gatehouse serve` at `/`.
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // Gatehouse's own DAST scan flagged served maps (dast/source-map-exposed): the package ships none.
    sourcemap: false,
    // Charts and rarely opened pages load on demand: the first page stays small.
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
