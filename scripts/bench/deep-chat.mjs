// deep-chat, the comparison: installed into .tmp/bench-deps (never into the project), served on
// 127.0.0.1 behind a plain launcher button on a copy of the bench page, showing a static intro message.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, normalize } from 'node:path';
import { root } from './settings.mjs';

const depsDir = join(root, '.tmp/bench-deps');
export const dcBundle = join(depsDir, 'node_modules/deep-chat/dist/deepChat.bundle.js');
/** Installs deep-chat when it is missing; returns what went wrong, or ''. */
export function installDeepChat(log) {
  if (existsSync(dcBundle)) return '';
  try {
    log('installing deep-chat into .tmp/bench-deps (not part of the project)');
    execFileSync('npm', ['install', '--prefix', depsDir, 'deep-chat', '--no-save', '--no-audit', '--no-fund', '--no-package-lock'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 90_000 });
  } catch (e) {
    return `npm install deep-chat failed: ${String(e.stderr || e.message).trim().split('\n').slice(-3).join(' ')}`;
  }
  return existsSync(dcBundle) ? '' : 'deep-chat installed, but dist/deepChat.bundle.js is not in it';
}
export const dcVersion = () => (existsSync(dcBundle) ? JSON.parse(readFileSync(join(dirname(dcBundle), '../package.json'), 'utf8')).version : '');

/** The bench page with deep-chat in place of the widget, behind a plain launcher button. */
function deepChatPage() {
  const page = readFileSync(join(root, 'demo/bench.html'), 'utf8');
  return page
    .replace(/<script type="module" src="\.\.\/dist\/safety-chat\.js"><\/script>/, '<link rel="stylesheet" href="/dc/bench.css">\n  <script type="module" src="/dc/bench.js"></script>')
    .replace(/<safety-chat[\s\S]*<\/safety-chat>/, '<button id="dc-launcher" class="dc-launcher" type="button">Domestic abuse help</button>');
}
const dcFiles = {
  '/dc/bench.css': ['text/css', `.dc-launcher { position: fixed; right: 16px; bottom: 16px; z-index: 10; min-height: 48px; padding: 12px 20px; border: 0; border-radius: 999px; background: #4b2a7b; color: #fff; font: 600 1rem/1.2 system-ui, sans-serif; }
.dc-launcher[hidden] { display: none; }
/* deep-chat styles its own host inline (display, position), so it sits in a fixed box of the page's. */
.dc-panel { position: fixed; right: 16px; bottom: 16px; z-index: 10; }`],
  // Loaded on pointer intent and on click, as the widget loads its panel chunk.
  '/dc/bench.js': ['text/javascript', `const launcher = document.getElementById('dc-launcher');
let loading;
const load = () => (loading ??= import('/dc/deepChat.bundle.js'));
for (const type of ['pointerenter', 'focus', 'touchstart']) launcher.addEventListener(type, () => void load(), { passive: true });
launcher.addEventListener('click', async () => {
  await load();
  const box = document.createElement('div');
  box.className = 'dc-panel';
  const chat = document.createElement('deep-chat');
  chat.demo = true; // hides deep-chat's own "connect to an API" notice; nothing is sent anywhere
  chat.introMessage = { text: 'Hello. This chat can help you understand domestic abuse and find support. Nothing you choose is saved.' };
  box.append(chat);
  document.body.append(box);
  launcher.hidden = true;
});`],
};
/** A tiny server on 127.0.0.1 for the deep-chat page (demo.css and favicon from demo/, the bundle from .tmp). */
export function startDeepChatServer() {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (type, body) => res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
    if (path === '/demo/deep-chat.html') return send('text/html', deepChatPage());
    if (dcFiles[path]) return send(dcFiles[path][0], dcFiles[path][1]);
    if (path === '/dc/deepChat.bundle.js') return send('text/javascript', readFileSync(dcBundle));
    if (path === '/demo/demo.css' || path === '/demo/favicon.svg') {
      return send(path.endsWith('.css') ? 'text/css' : 'image/svg+xml', readFileSync(normalize(join(root, path))));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}