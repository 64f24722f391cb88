/**
 * Partners may brand the widget with --safety-chat-* colours. When a pair of
 * them would be hard to read (contrast below 4.5:1, WCAG AA), the widget uses
 * its own colours for that pair and says so once with console.error. Loaded
 * only on pages that set a colour (see `partnerColours`).
 */
import { ourColours as ours, partnerColours, type PartnerColour } from './partner-colours.js';

/** The cards and notes are always white, whatever the panel's background: the accent is drawn on them too. */
const card = '#ffffff';

/** Colours drawn on each other, wherever they meet: [behind, in front]. */
const pairs: [PartnerColour | typeof card, PartnerColour][] = [
  ['accent', 'accent-text'],
  ['background', 'accent'],
  [card, 'accent'],
  ['background', 'text'],
  ['exit-background', 'exit-text'],
];

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

export function contrast(a: number[], b: number[]): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Resolves any CSS colour through the browser; undefined when it is not a solid colour. */
function rgb(probe: HTMLElement, value: string): number[] | undefined {
  probe.style.color = '';
  probe.style.color = value;
  const m = getComputedStyle(probe).color.match(/^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/);
  if (!m || (m[4] !== undefined && Number(m[4]) < 1)) return undefined;
  return m.slice(1, 4).map(Number);
}

export function enforceContrast(host: HTMLElement, root: ShadowRoot | HTMLElement, report: (message: string) => void): void {
  const style = getComputedStyle(host);
  const replaced = new Set<PartnerColour>();
  const isPartner = (c: string): c is PartnerColour => (partnerColours as readonly string[]).includes(c);
  /** The partner's value of a colour still in use, or ''. */
  const theirs = (c: string) => (isPartner(c) && !replaced.has(c) ? style.getPropertyValue(`--safety-chat-${c}`).trim() : '');
  const shown = (c: string) => theirs(c) || (isPartner(c) ? ours[c] : c);
  const probe = document.createElement('span');
  root.appendChild(probe);
  try {
    // Replacing one colour can make it clash with another partner colour (our accent beside their
    // accent text): check again until every pair in use reads well.
    for (let changed = true; changed; ) {
      changed = false;
      for (const pair of pairs) {
        if (!pair.some(theirs)) continue;
        const [bg, fg] = pair.map(shown) as [string, string];
        const a = rgb(probe, bg);
        const b = rgb(probe, fg);
        const ratio = a && b ? contrast(a, b) : 0;
        if (ratio >= 4.5) continue;
        /** How the message names a colour: the partner's property, ours after a replacement, or the cards. */
        const label = (c: string) => (theirs(c) ? `--safety-chat-${c} (${theirs(c)})` : isPartner(c) ? `the widget's own ${c} (${ours[c]})` : `the white cards (${c})`);
        const said = pair.map(label);
        for (const c of pair) if (isPartner(c)) host.style.setProperty(`--_${c}`, ours[c]), replaced.add(c);
        changed = true;
        report(`${said.join(' and ')} ${ratio ? `have a contrast of ${ratio.toFixed(1)}:1` : 'are not solid colours'}; at least 4.5:1 is needed to read them, so the widget's own colours are used${isPartner(pair[0]) ? ' for both' : ` for ${pair[1]}`}.`);
      }
    }
  } finally {
    probe.remove();
  }
}
