/**
 * The colours a partner may set, as --safety-chat-<name>, with the widget's own value of each:
 * the one table the styles (which read each as --_<name>) and the contrast check both use.
 */
export const ourColours = {
  accent: '#4b2a7b',
  'accent-text': '#ffffff',
  background: '#ffffff',
  text: '#1d1d1f',
  'exit-background': '#b3261e',
  'exit-text': '#ffffff',
} as const;
export type PartnerColour = keyof typeof ourColours;
export const partnerColours = Object.keys(ourColours) as PartnerColour[];

/** The styles' custom properties: each partner colour, or ours. */
export const colourProperties = partnerColours.map((c) => `--_${c}:var(--safety-chat-${c},${ourColours[c]});`).join('');

/** Whether the page sets any partner colour: most set none, and then nothing needs checking. */
export const setsColours = (host: HTMLElement) => {
  const style = getComputedStyle(host);
  return partnerColours.some((c) => style.getPropertyValue(`--safety-chat-${c}`).trim());
};
