/**
 * The widget's styles are plain CSS text in `*.styles.ts` files (the build's minifier reads the
 * css`…` templates), adopted into the shadow root as constructable style sheets, which a page's
 * Content-Security-Policy does not block.
 */

/** CSS text, written as a template so the build can minify it; `${…}` inserts text as it is. */
export const css = (strings: TemplateStringsArray, ...values: string[]): string => String.raw({ raw: strings }, ...values);

/** A style sheet for `adoptedStyleSheets`. */
export function styleSheet(text: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return sheet;
}
