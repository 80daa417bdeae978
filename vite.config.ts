import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './tools/build/precompress';
import { dockyardLessons } from './tools/lessons/vite-plugin';

export default defineConfig({
  plugins: [react(), dockyardLessons(fileURLToPath(new URL('./lessons', import.meta.url))), precompress()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
});
