import { css } from '../shared/styles.js';
import { colourProperties } from './partner-colours.js';

/** Styles needed before the panel loads: the host box, the launcher and the exit cover. */
export const launcherStyles = css`
  :host {
    ${colourProperties}
    --_font: var(--safety-chat-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_radius: var(--safety-chat-radius, 12px);
    --_focus: var(--safety-chat-focus, #ffbf47);
    --_z: var(--safety-chat-z-index, 2147483000);
    display: block !important;
  }
  /* The person's own browser text size (16px unless they changed it), never the host page's
     root size: everything inside is sized in em from here, so rem on the host cannot shrink it.
     Set here rather than on the host, so the fallback in the page keeps the page's own text. */
  .widget {
    display: contents;
    font-family: var(--_font);
    font-size: medium;
    line-height: 1.45;
    color: var(--_text);
    text-align: start;
  }
  /* Inline: the room of the panel's first screen is taken at once (the panel fills it when drawn),
     so the page does not move when the panel arrives. The same rule in the partner's stylesheet
     holds the room even before the script runs (see the README). */
  :host(:state(inline)) {
    display: flex !important;
    flex-direction: column;
    font-size: medium;
    min-block-size: min(40em, 80vh);
  }
  :host(:state(inline)) .container {
    display: flex;
    flex-direction: column;
    flex: 1 0 auto;
  }
  :host(:state(inline)) .container > * {
    flex: 1 0 auto;
  }
  :host([hidden]) {
    display: none !important;
  }
  * {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .launcher {
    /* Shown as a manual popover (top layer): undo the browser's popover placement first. */
    position: fixed;
    inset: auto;
    margin: 0;
    inset-block-end: max(16px, env(safe-area-inset-bottom));
    inset-inline-end: max(16px, env(safe-area-inset-right));
    z-index: var(--_z);
    min-block-size: 48px;
    min-inline-size: 48px;
    /* A long label wraps instead of running off a 320px screen. */
    max-inline-size: calc(100vw - 32px);
    padding: 12px 20px;
    border: 2px solid transparent;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font: 600 1em/1.2 var(--_font);
    overflow-wrap: anywhere;
    cursor: pointer;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
  }
  .launcher:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px #0b0c0c;
  }
  .cover {
    position: fixed;
    inset: 0;
    /* Above everything where the top layer (popover) is not available. */
    z-index: 2147483647;
    inline-size: auto;
    block-size: auto;
    margin: 0;
    padding: 2em;
    border: 0;
    background: #ffffff;
    color: #0b0c0c;
    font: 1.25em var(--_font);
  }
  .cover::backdrop {
    background: #ffffff;
  }
  /* The could-not-open message and the "page did not close" notice: plain boxes of the element's
     own, needing nothing from the panel. Inline, the message takes the panel's place; otherwise
     it is a manual popover (top layer) whose placement is the browser's own, undone first. */
  .note {
    margin: 0;
    /* The last paragraph's margin is the space below. */
    padding: 1em 1em 0;
    border: 2px solid;
    border-radius: var(--_radius);
    background: #fff;
    color: #0b0c0c;
  }
  .note[popover] {
    position: fixed;
    inset: auto 16px 5.5em auto;
    z-index: var(--_z);
    max-inline-size: min(25em, calc(100vw - 32px));
  }
  .note p {
    margin: 0 0 1em;
  }
  .note p + p {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .note a {
    color: #1d4ed8;
    font-weight: 700;
  }
  .note button {
    min-block-size: 44px;
    padding: 8px 16px;
    border: 2px solid;
    border-radius: 8px;
    background: #fff;
    color: inherit;
    font: 600 1em var(--_font);
  }
  .note .exit {
    background: var(--_exit-background);
    color: var(--_exit-text);
  }
  @media (forced-colors: active) {
    .launcher {
      border-color: ButtonText;
    }
    /* Box shadows are dropped in forced colours: the outline alone must carry focus. */
    :focus-visible {
      outline-color: Highlight !important;
    }
  }
`;
