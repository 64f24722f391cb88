/**
 * A Vite plugin for the widget's styles: collapses the whitespace inside css`…` templates, which
 * the JavaScript minifier leaves as written, and writes colours and numbers short (#ffffff → #fff,
 * 0.5em → .5em). Interpolations (`${…}`) are kept as they are.
 */
import type { Plugin } from 'vite';

/**
 * The same CSS, shorter. The space before a colon stays: in `.frame :is(a)` it is the descendant
 * combinator. What is inside `${…}` is JavaScript, left untouched.
 */
export function minifyCss(body: string): string {
  return body
    .split(/(\$\{[^}]*\})/)
    .map((part) => (part.startsWith('${') ? part : minifyPart(part)))
    .join('')
    .trim();
}

function minifyPart(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/\s+!important/g, '!important')
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
    .replace(/([\s:(,/])0\.(\d)/g, '$1.$2');
}

/** Minifies every css`…` template in the `*.styles.ts` files. */
export function minifyCssTemplates(): Plugin {
  return {
    name: 'safety-chat-minify-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      return code.replace(/css`([^`]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``);
    },
  };
}
