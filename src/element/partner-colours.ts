/** The colours a partner may set, as --safety-chat-<name> (the styles read them as --_<name>). */
export const partnerColours = ['accent', 'accent-text', 'background', 'text', 'exit-background', 'exit-text'] as const;
export type PartnerColour = (typeof partnerColours)[number];

/** Whether the page sets any partner colour: most set none, and then nothing needs checking. */
export const setsColours = (host: HTMLElement) => {
  const style = getComputedStyle(host);
  return partnerColours.some((c) => style.getPropertyValue(`--safety-chat-${c}`).trim());
};
