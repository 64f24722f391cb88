/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { minifyCssTemplates } from './scripts/minify-css.js';
import { flowsPlugin } from './src/content/vite-plugin.js';

// One file for partners (dist/safety-chat.js) that registers the element and
// draws the launcher; the panel, engine and content load as chunks on first open.
export default defineConfig({
  plugins: [flowsPlugin(), minifyCssTemplates()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/safety-chat.ts',
      formats: ['es'],
      fileName: () => 'safety-chat.js',
    },
    rolldownOptions: {
      // Lets shared code (Lit's base class) stay inside safety-chat.js instead of a third file.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Vite leaves library ES output unminified; partners ship this file as-is.
        minify: true,
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/pages/**/*.test.ts'],
    testTimeout: 30_000,
    environment: 'node',
  },
});
