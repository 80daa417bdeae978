import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dockyardLessons } from './tools/lessons/vite-plugin';

export default defineConfig({
  plugins: [react(), dockyardLessons(fileURLToPath(new URL('./lessons', import.meta.url)))],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
});
