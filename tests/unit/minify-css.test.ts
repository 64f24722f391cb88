/** The styles' minifier: shorter CSS that means the same. */
import { describe, expect, it } from 'vitest';
import { minifyCss, minifyCssTemplates } from '../../scripts/minify-css.js';

describe('minifyCss', () => {
  it('drops comments and collapses whitespace around braces, semicolons, commas and child combinators', () => {
    expect(minifyCss(`
      /* a comment, gone */
      .a > .b,
      .c {
        color: red;
        margin: 0 auto;
      }`)).toBe('.a>.b,.c{color:red;margin:0 auto}');
  });

  it('keeps the space before a colon, which is the descendant combinator in ".frame :is(a)"', () => {
    expect(minifyCss('.frame :is(a) { color: red; }')).toBe('.frame :is(a){color:red}');
  });

  it('writes colours and leading zeros short, and joins !important', () => {
    expect(minifyCss('a { color: #ffffff; background: #4b2a7b; opacity: 0.5; margin: 0.25em 10.5px; border: 0; x: y !important; }')).toBe(
      'a{color:#fff;background:#4b2a7b;opacity:.5;margin:.25em 10.5px;border:0;x:y!important}',
    );
  });

  it('keeps interpolations as they are', () => {
    expect(minifyCss(':host {\n  ${unsafeCSS(colours)}\n  --_z: 1;\n}')).toBe(':host{${unsafeCSS(colours)} --_z:1}');
  });
});

describe('the Vite plugin', () => {
  const transform = minifyCssTemplates().transform as (code: string, id: string) => string | undefined;
  it('minifies css`…` templates in *.styles.ts files only', () => {
    expect(transform('export const s = css`\n  a { color: #ffffff; }\n`;', '/src/panel/panel.styles.ts')).toBe('export const s = css`a{color:#fff}`;');
    expect(transform('export const s = css`a { color: #ffffff; }`;', '/src/panel/panel.ts')).toBeUndefined();
  });
});
