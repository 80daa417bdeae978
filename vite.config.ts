import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { chunkFile } from './tools/build/chunk-file';
import { precompress } from './tools/build/precompress';
import { dockyardLessons } from './tools/lessons/vite-plugin';

export default defineConfig({
  plugins: [
    react(),
    dockyardLessons(fileURLToPath(new URL('./lessons', import.meta.url))),
    // src/app/main.ts preloads the editor's chunk after the prompt
    chunkFile('__DOCKYARD_EDITOR_CHUNK__', '/src/ui/editor/EditorPane.tsx'),
    precompress(),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
});
