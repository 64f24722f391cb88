/**
 * Partners may brand the widget with --safety-chat-* colours. When a pair of
 * them would be hard to read (contrast below 4.5:1, WCAG AA), the widget uses
 * its own colours for that pair and says so once with console.error.
 */

/** Each partner colour and the widget's own value; the styles read it as `--_<name>`. */
const colours = {
  accent: '#4b2a7b',
  'accent-text': '#ffffff',
  background: '#ffffff',
  text: '#1d1d1f',
  'exit-background': '#b3261e',
  'exit-text': '#ffffff',
} as const;
type Colour = keyof typeof colours;

/** Colours drawn on each other: [behind, in front]. */
const pairs: [Colour, Colour][] = [
  ['accent', 'accent-text'],
  ['background', 'accent'],
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
  const replaced = new Set<Colour>();
  const value = (c: Colour) => (replaced.has(c) ? '' : style.getPropertyValue(`--safety-chat-${c}`).trim());
  // Most pages set no colours: then there is nothing to check.
  if (!(Object.keys(colours) as Colour[]).some(value)) return;
  const probe = document.createElement('span');
  root.appendChild(probe);
  try {
    for (const pair of pairs) {
      const [bg, fg] = pair.map((c) => value(c) || colours[c]) as [string, string];
      if (!pair.some(value)) continue;
      const a = rgb(probe, bg);
      const b = rgb(probe, fg);
      const ratio = a && b ? contrast(a, b) : 0;
      if (ratio >= 4.5) continue;
      for (const c of pair) host.style.setProperty(`--_${c}`, colours[c]), replaced.add(c);
      report(
        `--safety-chat-${pair[0]} (${bg}) and --safety-chat-${pair[1]} (${fg}) ${ratio ? `have a contrast of ${ratio.toFixed(1)}:1` : 'are not solid colours'}; at least 4.5:1 is needed to read them, so the widget's own colours are used for these two.`,
      );
    }
  } finally {
    probe.remove();
  }
}
