import { css } from '@lit/reactive-element';

/** Styles needed before the panel loads: the host box, the launcher and the exit cover. */
export const launcherStyles = css`
  :host {
    --_accent: var(--safety-chat-accent, #4b2a7b);
    --_accent-text: var(--safety-chat-accent-text, #ffffff);
    --_bg: var(--safety-chat-background, #ffffff);
    --_text: var(--safety-chat-text, #1d1d1f);
    --_font: var(--safety-chat-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_radius: var(--safety-chat-radius, 12px);
    --_exit-bg: var(--safety-chat-exit-background, #b3261e);
    --_exit-text: var(--safety-chat-exit-text, #ffffff);
    --_focus: var(--safety-chat-focus, #ffbf47);
    --_z: var(--safety-chat-z-index, 2147483000);
    display: block !important;
    font-family: var(--_font);
    font-size: 16px;
    line-height: 1.45;
    color: var(--_text);
    text-align: start;
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
    position: fixed;
    inset-block-end: max(16px, env(safe-area-inset-bottom));
    inset-inline-end: max(16px, env(safe-area-inset-right));
    z-index: var(--_z);
    min-block-size: 48px;
    min-inline-size: 48px;
    padding: 12px 20px;
    border: 2px solid transparent;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font: 600 1rem/1.2 var(--_font);
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
    inline-size: 100vw;
    block-size: 100vh;
    max-inline-size: none;
    max-block-size: none;
    margin: 0;
    padding: 2rem;
    border: 0;
    background: #ffffff;
    color: #0b0c0c;
    font: 1.25rem var(--_font);
  }
  .cover::backdrop {
    background: #ffffff;
  }
  @media (forced-colors: active) {
    .launcher {
      border-color: ButtonText;
    }
  }
`;
