/**
 * The editors' preview page: the check's problems in its own words, and the widget inline with
 * controls for the audience, the area, the language and the screen to start on. Development
 * server only (see vite.config.ts).
 */
interface Check {
  errors: string[];
  warnings: string[];
  languages: Record<string, string>;
  councils: { id: string; name: string }[];
  screens: string[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const asScreen = (key: string) => key.replace('/', '#');
const asKey = (screen: string) => screen.trim().replace('#', '/');

function list(className: string, title: string, items: string[]): HTMLElement {
  const box = document.createElement('div');
  const h = Object.assign(document.createElement('h2'), { textContent: `${title} (${items.length})` });
  const ul = Object.assign(document.createElement('ul'), { className });
  for (const text of items) ul.append(Object.assign(document.createElement('li'), { textContent: text }));
  box.append(h, ul);
  return box;
}

async function start() {
  const check = (await (await fetch('/__flows/check', { cache: 'no-store' })).json()) as Check;
  const problems = $('problems');
  problems.replaceChildren();
  if (check.errors.length) problems.append(list('errors', 'Errors: fix these first, the widget cannot be shown until they are fixed', check.errors));
  if (check.warnings.length) problems.append(list('warnings', 'Warnings', check.warnings));
  if (!check.errors.length && !check.warnings.length) problems.append(Object.assign(document.createElement('p'), { textContent: 'flows:check finds no problems.' }));
  if (check.errors.length) {
    $('controls').hidden = true;
    return;
  }
  for (const c of check.councils) $('area').append(new Option(c.name, c.id));
  for (const [code, name] of Object.entries(check.languages)) $('lang').append(new Option(`${name} (${code})`, code));
  for (const key of check.screens) $('screens').append(new Option(asScreen(key)));

  const show = (screen: string) => {
    const key = screen ? asKey(screen) : '';
    if (key && !check.screens.includes(key)) {
      $('screen-problem').textContent = `There is no screen "${screen}". Write it as flow#node, e.g. ${asScreen(check.screens[0] ?? 'main/welcome')}.`;
      return;
    }
    $('screen-problem').textContent = '';
    (globalThis as { __SAFETY_CHAT_PREVIEW_START__?: string }).__SAFETY_CHAT_PREVIEW_START__ = key || undefined;
    const el = document.createElement('safety-chat');
    el.setAttribute('mode', 'inline');
    el.setAttribute('audience', $<HTMLSelectElement>('audience').value);
    el.setAttribute('lang', $<HTMLSelectElement>('lang').value);
    const area = $<HTMLSelectElement>('area').value;
    if (area) el.setAttribute('area', area);
    $('stage').replaceChildren(el);
  };
  $('controls').addEventListener('submit', (e) => {
    e.preventDefault();
    show($<HTMLInputElement>('screen').value);
  });
  $('from-start').addEventListener('click', () => {
    $<HTMLInputElement>('screen').value = '';
    show('');
  });
  for (const id of ['audience', 'area', 'lang']) $(id).addEventListener('change', () => show($<HTMLInputElement>('screen').value));
  await import('../../src/safety-chat.js');
  show('');
}

void start();
