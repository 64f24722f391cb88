// The editors' preview: `npm run preview` serves this folder with Vite's development server. The
// widget is built from src/ and flows/ as they are now, and the page redraws on every save in
// flows/ (FLOWS_DIR to preview another folder). A tool for editors: nothing here is in dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { minifyCssTemplates } from '../minify-css.js';
import { flowsPlugin } from '../../src/content/vite-plugin.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [flowsPlugin(process.env.FLOWS_DIR ?? 'flows'), minifyCssTemplates()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 5174),
    strictPort: false,
    fs: { allow: [projectRoot] },
    // Problems are shown on the page, in the check's own words, not in Vite's overlay.
    hmr: { overlay: false },
  },
  clearScreen: false,
  logLevel: 'info',
});
