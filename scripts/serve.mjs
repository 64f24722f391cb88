// A small static server for the demo pages and the built widget. The partner
// page is served with the strict Content-Security-Policy and Trusted Types
// that a careful partner would use, so the demo proves the widget works there.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png' };

/** The strict policy of the partner demo page (see README, "Content-Security-Policy"). */
export const strictCsp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

export function startServer(port = 8000, host = '127.0.0.1') {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path === '/') path = '/demo/index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile() || !/^\/(demo|dist)\//.test(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
    if (path === '/demo/partner.html') headers['content-security-policy'] = strictCsp;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8000);
  await startServer(port);
  console.log(`safety-chat demo: http://localhost:${port}/
  council page (launcher):            http://localhost:${port}/demo/council.html
  school page (inline, young people): http://localhost:${port}/demo/school.html
  partner page (strict CSP):          http://localhost:${port}/demo/partner.html
Press Ctrl+C to stop.`);
}
