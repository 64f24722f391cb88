/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { flowsPlugin } from './src/content/vite-plugin.js';

/**
 * Collapses the whitespace inside css`…` templates, which the minifier leaves as written, and writes
 * colours and numbers short (#ffffff → #fff, 0.5em → .5em). The space before a colon stays: in
 * `.frame :is(a)` it is the descendant combinator.
 */
function minifyCssTemplates(): Plugin {
  return {
    name: 'safety-chat-minify-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      return code.replace(/css`([^`]*)`/g, (_, body: string) =>
        `css\`${body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}').replace(/\s+!important/g, '!important').replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3').replace(/([\s:(,/])0\.(\d)/g, '$1.$2').trim()}\``,
      );
    },
  };
}

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
