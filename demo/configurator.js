// The configurator: partners choose settings, see the real widget, and copy
// the embed code. Plain ES module, no dependencies, no build step. Runs under
// a strict Content-Security-Policy with Trusted Types: no inline handlers,
// no innerHTML, colours set through the CSSOM (style.setProperty).
// Nothing is stored: no Web Storage, no cookies, no URL or history changes.

/** The 13 councils of Kent and Medway, as in flows/areas.yaml (`id` is the `area` attribute). */
const AREAS = [
  ['ashford', 'Ashford'],
  ['canterbury', 'Canterbury (including Whitstable and Herne Bay)'],
  ['dartford', 'Dartford'],
  ['dover', 'Dover (including Deal and Sandwich)'],
  ['folkestone-and-hythe', 'Folkestone and Hythe'],
  ['gravesham', 'Gravesham (Gravesend)'],
  ['maidstone', 'Maidstone'],
  ['medway', 'Medway (Chatham, Gillingham, Rochester, Strood, Rainham)'],
  ['sevenoaks', 'Sevenoaks (including Swanley and Edenbridge)'],
  ['swale', 'Swale (Sittingbourne, Faversham, Sheppey)'],
  ['thanet', 'Thanet (Margate, Ramsgate, Broadstairs)'],
  ['tonbridge-and-malling', 'Tonbridge and Malling'],
  ['tunbridge-wells', 'Tunbridge Wells'],
];

/** The widget's own defaults (src/element/launcher.styles.ts); a colour is only written out when changed. */
const COLOURS = [
  { field: 'accent', property: '--safety-chat-accent', fallback: '#4b2a7b', name: 'main colour' },
  { field: 'accent-text', property: '--safety-chat-accent-text', fallback: '#ffffff', name: 'text on the main colour' },
  { field: 'background', property: '--safety-chat-background', fallback: '#ffffff', name: 'chat background' },
  { field: 'text', property: '--safety-chat-text', fallback: '#1d1d1f', name: 'chat text' },
  { field: 'exit-background', property: '--safety-chat-exit-background', fallback: '#b3261e', name: 'exit button' },
];
const DEFAULT_RADIUS = 12;
const EXIT_TEXT = '#ffffff';
const MAX_CONTACTS = 20;

const SCRIPT_URL = 'https://YOUR-SITE/safety-chat/safety-chat.js';
/** The text that shows without JavaScript: for young people, Childline rather than the adult helpline. */
const FALLBACK = {
  general: [
    'If you are in danger now, call 999. For free, confidential advice 24 hours a day,',
    'call the National Domestic Abuse Helpline on 0808 2000 247.',
  ],
  'young-people': [
    'If you are in danger now, call 999. To talk to someone about anything,',
    'call Childline for free on 0800 1111.',
  ],
};
/** The SHA-384 of the built safety-chat.js, from dist/integrity.json (written by the build). */
let scriptIntegrity = '';

// The same rules the widget applies (src/element/config.ts, src/engine/contacts.ts),
// so the preview never receives a value the widget would reject.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SHORT_NUMBERS = /^(999|112|101|111|116\d{3}|18000|18001\d{3,11}|08001111)$/;
const BANNED_NUMBERS = new Set(['08081699111']);
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i;

const $ = (id) => document.getElementById(id);
const form = $('settings');
const preview = $('preview');
const contactList = $('contact-list');
const template = $('contact-template');

// ---------------------------------------------------------------- reading the form

/** Shows or hides the message under a field, and marks the field invalid. */
function problem(input, messageEl, message) {
  messageEl.textContent = message;
  messageEl.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function httpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function readLabel() {
  const input = $('label');
  const text = input.value.trim().replace(/\s+/g, ' ');
  let message = '';
  if (UNSAFE_CHARS.test(text)) message = 'The button text has a hidden control character in it (often from copying and pasting). Please type it again.';
  else if (text.length > 60) message = 'The button text can be up to 60 characters.';
  problem(input, $('label-error'), message);
  return text && !message ? text : null;
}

function readExitUrl() {
  const input = $('exit-url');
  const value = input.value.trim();
  const ok = !value || httpUrl(value);
  problem(input, $('exit-url-error'), ok ? '' : 'Write the full address, starting https:// (for example https://www.bbc.co.uk/weather). Until then the chat uses BBC Weather.');
  return value && ok ? value : null;
}

function readClearAfter() {
  const input = $('clear-after');
  const raw = input.value.trim();
  const n = Number(raw);
  const bad = input.validity.badInput || (raw !== '' && !(Number.isFinite(n) && n >= 1 && n <= 120));
  problem(input, $('clear-after-error'), bad ? 'Choose a number of minutes from 1 to 120, or leave it empty for 10.' : '');
  return raw && !bad ? String(n) : null;
}

function readRadius() {
  const input = $('radius');
  const raw = input.value.trim();
  const n = Number(raw);
  const bad = input.validity.badInput || (raw !== '' && !(Number.isInteger(n) && n >= 0 && n <= 32));
  problem(input, $('radius-error'), bad ? 'Choose a whole number from 0 (square corners) to 32.' : '');
  return raw === '' || bad ? DEFAULT_RADIUS : n;
}

function ukNumber(value) {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d+$/.test(digits) && !BANNED_NUMBERS.has(digits) && (SHORT_NUMBERS.test(digits) || /^0[1-9]\d{8,9}$/.test(digits));
}

/** One contact fieldset as a widget service entry, or a plain-words reason it is left out. */
function readContact(fieldset) {
  const get = (field) => fieldset.querySelector(`[data-field="${field}"]`).value.trim().replace(/\s+/g, ' ');
  const name = get('name');
  const about = get('about');
  const phone = get('phone');
  const web = get('web');
  const email = get('email');
  const hours = get('hours');
  const empty = !name && !about && !phone && !web && !email && !hours;
  const problems = [];
  if (!name) problems.push('a name');
  if (!about) problems.push('a few words about the service');
  if (!phone && !web && !email) problems.push('a phone number, web page or email address');
  const missing = problems.length ? `Add ${problems.join(', ').replace(/, ([^,]*)$/, ' and $1')}.` : '';
  const wrong = [];
  const invalid = new Set();
  if (phone && !ukNumber(phone)) {
    invalid.add('phone');
    wrong.push('The phone number must be a UK number: 11 digits starting with 0 (spaces are fine), or a short number such as 101 or 116 123.');
  }
  if (web && !(/^https:\/\//i.test(web) && httpUrl(web))) {
    invalid.add('web');
    wrong.push('The web page must be a full secure address starting https://.');
  }
  if (email && !EMAIL.test(email)) {
    invalid.add('email');
    wrong.push('The email address is not complete.');
  }
  for (const [field, value] of Object.entries({ name, about, phone, web, email, hours })) {
    if (UNSAFE_CHARS.test(value)) invalid.add(field);
  }
  if ([name, about, phone, web, email, hours].some((v) => UNSAFE_CHARS.test(v))) wrong.push('Some text has a hidden control character in it (often from copying and pasting). Please type it again.');
  for (const input of fieldset.querySelectorAll('[data-field]')) {
    if (!empty && invalid.has(input.dataset.field)) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  const reasons = [missing, ...wrong].filter(Boolean).join(' ');
  const message = empty || !reasons ? '' : `This contact is not in the preview or the code yet. ${reasons}`;
  const box = fieldset.querySelector('[data-role="problem"]');
  box.textContent = message;
  box.hidden = !message;
  // Something still to add is a note; something written wrongly is an error.
  box.className = wrong.length ? 'error' : 'note';
  if (empty || message) return null;
  const contacts = [];
  if (phone) contacts.push({ type: 'phone', number: phone });
  if (web) contacts.push({ type: 'web', url: web });
  if (email) contacts.push({ type: 'email', address: email });
  return { name, about, contacts, ...(hours ? { hours } : {}) };
}

function readSettings() {
  const attributes = [];
  const mode = form.elements.mode.value;
  if (mode === 'inline') attributes.push(['mode', 'inline']);
  const area = $('area').value;
  if (area) attributes.push(['area', area]);
  const audience = form.elements.audience.value;
  if (audience === 'young-people') attributes.push(['audience', 'young-people']);
  // The button text names the corner button: inline there is none, so it is left out.
  const label = readLabel();
  if (label && mode !== 'inline') attributes.push(['label', label]);
  const exitUrl = readExitUrl();
  if (exitUrl) attributes.push(['exit-url', exitUrl]);
  const clearAfter = readClearAfter();
  if (clearAfter) attributes.push(['clear-after', clearAfter]);
  if ($('preload').checked) attributes.push(['preload', 'idle']);

  const colours = {};
  for (const c of COLOURS) colours[c.field] = $(c.field).value.toLowerCase();
  const styles = COLOURS.filter((c) => colours[c.field] !== c.fallback).map((c) => [c.property, colours[c.field]]);
  const radius = readRadius();
  if (radius !== DEFAULT_RADIUS) styles.push(['--safety-chat-radius', `${radius}px`]);

  const services = [...contactList.querySelectorAll('fieldset.contact')].map(readContact).filter(Boolean);
  return { mode, audience, attributes, colours, styles, services };
}

// ---------------------------------------------------------------- colour contrast (WCAG 2.2)

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function showContrast(colours) {
  const pairs = [
    [colours.accent, colours['accent-text'], 'Text on the main colour', 'accent-text'],
    [colours.accent, colours.background, 'Main colour on the chat background (answer buttons)', 'accent'],
    [colours.text, colours.background, 'Chat text on the chat background', 'text'],
    [colours['exit-background'], EXIT_TEXT, 'White text on the exit button', 'exit-background'],
  ];
  if (colours.background !== '#ffffff') pairs.push([colours.accent, '#ffffff', 'Main colour on the white service cards', 'accent']);
  const low = pairs.map(([fg, bg, what, field]) => ({ what, field, ratio: contrast(fg, bg) })).filter((p) => p.ratio < 4.5);
  const box = $('contrast');
  // Rewrite the live region only when the warning changes, so dragging a colour picker is not read out again and again.
  const key = low.map((p) => `${p.what}${Math.floor(p.ratio * 10)}`).join('|');
  if (key !== box.dataset.key) {
    box.dataset.key = key;
    box.replaceChildren();
  }
  if (low.length && !box.childElementCount) {
    const intro = document.createElement('p');
    intro.textContent = 'Some colours are hard to read:';
    const list = document.createElement('ul');
    for (const { what, ratio } of low) {
      const li = document.createElement('li');
      li.textContent = `${what}: contrast ${Math.floor(ratio * 10) / 10}:1`;
      list.append(li);
    }
    const why = document.createElement('p');
    why.textContent = 'The chat needs a contrast of at least 4.5:1 so that everyone can read it, including people with low vision or reading a phone in sunlight. Choose a darker or lighter colour.';
    box.append(intro, list, why);
  }
  const flagged = new Set(low.map((p) => p.field));
  for (const c of COLOURS) {
    const input = $(c.field);
    if (flagged.has(c.field)) input.setAttribute('aria-describedby', 'contrast');
    else input.removeAttribute('aria-describedby');
  }
  for (const span of document.querySelectorAll('[data-shows]')) span.textContent = colours[span.dataset.shows];
}

// ---------------------------------------------------------------- preview

let lastPreview = '';

/** Replaces the preview with a fresh element, so every attribute is applied from scratch. */
function renderPreview({ mode, attributes, styles, services }) {
  // Until the widget's script has run, a `services` property would land on a plain element.
  if (!customElements.get('safety-chat')) return;
  const key = JSON.stringify([mode, attributes, styles, services]);
  if (key === lastPreview) return;
  lastPreview = key;
  preview.querySelector('safety-chat')?.remove();
  const el = document.createElement('safety-chat');
  for (const [name, value] of attributes) el.setAttribute(name, value);
  for (const [property, value] of styles) el.style.setProperty(property, value);
  if (services.length) el.services = services;
  preview.classList.toggle('launcher', mode !== 'inline');
  preview.classList.remove('open');
  preview.append(el);
  showPreviewLauncher();
}

let previewOnScreen = true;
/** A corner button is hidden while the preview is off screen (an open panel stays). */
function showPreviewLauncher() {
  const el = preview.querySelector('safety-chat');
  if (el) el.hidden = !previewOnScreen && preview.classList.contains('launcher') && !preview.classList.contains('open');
}

// ---------------------------------------------------------------- the code to paste

function attr(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON that is safe inside <script>: no "</script>" or "<!--" can be formed. */
function scriptJson(value) {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function buildSnippet({ audience, attributes, styles, services }) {
  const parts = attributes.map(([name, value]) => `${name}="${attr(value)}"`);
  if (styles.length) parts.push(`style="${attr(styles.map(([p, v]) => `${p}: ${v}`).join('; '))}"`);
  const open = '<safety-chat';
  let start = parts.length ? `${open} ${parts.join(' ')}>` : `${open}>`;
  if (start.length > 90) start = `${open} ${parts.join(`\n${' '.repeat(open.length + 1)}`)}>`;
  const pin = scriptIntegrity ? ` integrity="${attr(scriptIntegrity)}" crossorigin="anonymous"` : '';
  const lines = [`<script type="module" src="${SCRIPT_URL}"${pin}></script>`, start];
  if (services.length) {
    lines.push('  <script type="application/json">');
    for (const line of scriptJson(services).split('\n')) lines.push(`    ${line}`);
    lines.push('  </script>');
  }
  lines.push('  <!-- Stays in your page (inline: until the chat loads), and shows without JavaScript -->');
  const fallback = FALLBACK[audience] ?? FALLBACK.general;
  lines.push(`  <p>${fallback[0]}`, `     ${fallback[1]}</p>`);
  lines.push('</safety-chat>');
  return lines.join('\n');
}

function buildCss(styles) {
  return styles.length ? ['safety-chat {', ...styles.map(([p, v]) => `  ${p}: ${v};`), '}'].join('\n') : '';
}

// ---------------------------------------------------------------- updates

let lastSnippet = '';
let pending = false;

function update() {
  pending = false;
  const settings = readSettings();
  showContrast(settings.colours);
  renderPreview(settings);
  const snippet = buildSnippet(settings);
  $('snippet').textContent = snippet;
  $('css-snippet').textContent = buildCss(settings.styles);
  $('csp-note').hidden = !settings.styles.length;
  $('inline-note').hidden = settings.mode !== 'inline';
  $('label-inline').hidden = settings.mode !== 'inline';
  if (snippet !== lastSnippet) $('copy-status').textContent = '';
  lastSnippet = snippet;
}

/** Several events in one task (or one drag of a colour picker frame) make one update. */
function scheduleUpdate() {
  if (pending) return;
  pending = true;
  queueMicrotask(update);
}

// ---------------------------------------------------------------- contacts

function renumberContacts() {
  const all = [...contactList.querySelectorAll('fieldset.contact')];
  all.forEach((fieldset, i) => {
    const n = i + 1;
    fieldset.querySelector('legend').textContent = `Contact ${n}`;
    fieldset.querySelector('.remove').textContent = `Remove contact ${n}`;
  });
  const add = $('add-contact');
  add.disabled = all.length >= MAX_CONTACTS;
  add.textContent = all.length ? 'Add another contact' : 'Add a contact';
}

let contactIds = 0;
function addContact() {
  const fieldset = template.content.firstElementChild.cloneNode(true);
  const id = `contact-${++contactIds}`;
  for (const label of fieldset.querySelectorAll('label[data-for]')) {
    const input = fieldset.querySelector(`[data-field="${label.dataset.for}"]`);
    input.id = `${id}-${label.dataset.for}`;
    label.htmlFor = input.id;
  }
  const problemBox = fieldset.querySelector('[data-role="problem"]');
  problemBox.id = `${id}-problem`;
  for (const input of fieldset.querySelectorAll('[data-field]')) input.setAttribute('aria-describedby', problemBox.id);
  fieldset.querySelector('.remove').addEventListener('click', () => {
    fieldset.remove();
    renumberContacts();
    $('add-contact').focus();
    scheduleUpdate();
  });
  contactList.append(fieldset);
  renumberContacts();
  fieldset.querySelector('[data-field="name"]').focus();
  scheduleUpdate();
}

// ---------------------------------------------------------------- copy

async function copySnippet() {
  const status = $('copy-status');
  const text = $('snippet').textContent;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied. Paste it into your page’s HTML.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents($('snippet'));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    $('snippet-box').focus();
    status.textContent = 'Your browser did not let this page copy, so the code is selected: press Ctrl+C (or Cmd+C on a Mac) to copy it.';
  }
}

// ---------------------------------------------------------------- start

function start() {
  const select = $('area');
  for (const [id, name] of AREAS) select.append(new Option(name, id));
  form.addEventListener('input', scheduleUpdate);
  form.addEventListener('change', scheduleUpdate);
  form.addEventListener('submit', (e) => e.preventDefault());
  $('add-contact').addEventListener('click', addContact);
  $('reset-colours').addEventListener('click', () => {
    for (const c of COLOURS) $(c.field).value = c.fallback;
    $('radius').value = String(DEFAULT_RADIUS);
    scheduleUpdate();
  });
  $('copy').addEventListener('click', copySnippet);
  // The open panel needs more room than the corner button alone (the whole screen on a phone).
  preview.addEventListener('safety-chat-open', () => {
    preview.classList.add('open');
    if (matchMedia('(max-width: 480px)').matches) preview.scrollIntoView({ block: 'start' });
  });
  preview.addEventListener('safety-chat-close', () => preview.classList.remove('open'));
  // The corner button floats above the page (the browser's top layer, outside the preview's box):
  // show the preview only while the preview area is on screen, so it never covers the form.
  new IntersectionObserver(([entry]) => {
    previewOnScreen = entry.isIntersecting;
    showPreviewLauncher();
  }, { threshold: 0.25 }).observe(preview);
  renumberContacts();
  update();
  // The widget's script is a separate module: the preview appears once it has run.
  customElements.whenDefined('safety-chat').then(update);
  // The checksum the build wrote for the script, for the integrity attribute in the code to paste.
  fetch('../dist/integrity.json')
    .then((r) => (r.ok ? r.json() : {}))
    .then((sums) => {
      scriptIntegrity = typeof sums['safety-chat.js'] === 'string' ? sums['safety-chat.js'] : '';
      update();
    })
    .catch(() => {});
}

start();
