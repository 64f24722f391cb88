import { css, styleSheet } from '../shared/styles.js';

const panelStyles = css`
  .frame {
    display: flex;
    flex-direction: column;
    background: var(--_background);
    color: var(--_text);
    border-radius: var(--_radius);
    /* clip, not hidden: the panel itself can never be scrolled (by focus or a screen reader's
       cursor) so that its header moves out of view, and the inline header can stay sticky. */
    overflow: clip;
  }
  .frame.floating {
    /* Shown as a manual popover (top layer): undo the browser's popover placement first. */
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    z-index: var(--_z);
    inset-block-end: 16px;
    inset-inline-end: 16px;
    /* In em, so the panel grows with the person's text size (400 × 640 px at 16px). */
    inline-size: min(25em, calc(100vw - 32px));
    block-size: min(40em, calc(100dvh - 32px));
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.3);
    border: 1px solid rgb(0 0 0 / 0.15);
  }
  @media (max-width: 30em) {
    .frame.floating {
      inset: 0;
      inline-size: 100vw;
      block-size: 100dvh;
      border-radius: 0;
    }
  }
  /* The panel's own modal dialog, used on phones, where the floating panel covers the page, and
     while a host page's modal dialog is open (see modal.ts): it draws nothing itself. Inline, the panel shows in it at the size of
     the floating panel. */
  .shell {
    min-block-size: 0;
    padding: 0;
    border: 0;
    background: none;
    overflow: visible;
    max-inline-size: none;
    max-block-size: none;
  }
  .shell::backdrop {
    background: transparent;
    pointer-events: none;
  }
  .shell .frame.inline {
    inline-size: min(25em, calc(100vw - 32px));
    block-size: min(40em, calc(100dvh - 32px));
  }
  .frame.inline {
    border: 1px solid rgb(0 0 0 / 0.2);
    min-block-size: 26em;
    max-block-size: 80vh;
  }
  /* Inline, the header (with Exit) stays in view while any of the panel is on screen. */
  .frame.inline header {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
  }
  .frame.inline :is(button, a, input) {
    scroll-margin-block-start: 5em;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px 12px;
    background: var(--_accent);
    color: var(--_accent-text);
  }
  h2 {
    flex: 1 1 0;
    /* The title may wrap word by word, but never narrower than its longest word (no overlap). */
    min-inline-size: min-content;
    order: 1;
    margin: 0;
    font-size: 1.05em;
    line-height: 1.2;
  }
  .exit {
    order: 2;
    min-block-size: 44px;
    padding: 8px 14px;
    border: 2px solid var(--_exit-text);
    border-radius: 6px;
    background: var(--_exit-background);
    color: var(--_exit-text);
    font: 700 1em/1.2 var(--_font);
    cursor: pointer;
  }
  .close {
    order: 3;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 4px 10px;
    border: 2px solid currentColor;
    border-radius: 6px;
    background: transparent;
    color: inherit;
    font: 600 0.95em var(--_font);
    cursor: pointer;
  }
  .hint {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 4px 12px;
    font-size: 0.875em;
    background: #f3f2f1;
    color: #0b0c0c;
  }
  .hint {
    justify-content: flex-end;
  }
  .hint p {
    flex: 1 1 auto;
    margin: 0;
  }
  /* The next screens could not load: said above the answers, which can be tapped again. */
  .route-failed {
    flex: none;
    margin: 0;
    padding: 8px 12px;
    border-inline-start: 4px solid #d4351c;
    background: #fff;
    color: #0b0c0c;
    font-weight: 600;
  }
  /* Half a minute before the inactivity clear: a plain band under the header (yellow, as GOV.UK's
     warnings), with the one button that keeps the chat. */
  .idle-warning {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px 12px;
    border-block-end: 4px solid #0b0c0c;
    background: #fff7bf;
    color: #0b0c0c;
  }
  .idle-warning p {
    flex: 1 1 12em;
    margin: 0;
    font-weight: 600;
  }
  /* Keep the chat: drawn as Clear chat is (see .clear), a little wider. */
  .idle-warning button {
    padding: 8px 14px;
  }
  .idle-warning button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The Shift tip only where a keyboard is likely: on a touch phone it would take a row for nothing. */
  @media not ((hover: hover) and (pointer: fine)) {
    .hint p,
    .frame.inline .hint {
      display: none;
    }
  }
  .frame.inline .clear {
    order: 3;
    border-color: currentColor;
    background: transparent;
    color: inherit;
  }
  /* A narrow page has its own heading: the inline panel keeps its title for screen readers only,
     so Exit and Clear share one row and the conversation keeps the room. */
  @media (max-width: 30em) {
    .frame.inline h2 {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .frame.inline header {
      justify-content: space-between;
    }
    /* Until the first answer the panel keeps to the room the page reserved for it (nothing moves as
       the page loads); after it, the conversation may use the phone's whole screen, as the
       floating panel does. */
    .frame.inline.engaged {
      max-block-size: calc(100dvh - 8px);
    }
  }
  .clear,
  .idle-warning button {
    min-block-size: 44px;
    border: 2px solid #0b0c0c;
    border-radius: 6px;
    background: #ffffff;
    color: #0b0c0c;
    font: 600 1em var(--_font);
    cursor: pointer;
  }
  .clear {
    flex: none;
    min-inline-size: 44px;
    padding: 4px 10px;
  }
  .log {
    /* The containing block of the visually hidden "You:" labels, so they cannot make the panel scroll. */
    position: relative;
    flex: 1 1 auto;
    min-block-size: 0;
    overflow-y: auto;
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    overscroll-behavior: contain;
  }
  /* The transcript is a Tab stop (Chromium makes a scroller one; tabindex="0" is proposed): show
     where focus is, inside its edge, where the panel's clipping cannot hide it. */
  .log:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -6px;
    box-shadow: inset 0 0 0 3px #0b0c0c;
  }
  .bubble {
    max-inline-size: 90%;
    margin: 0;
    padding: 8px 12px;
    border-radius: 12px;
    overflow-wrap: anywhere;
  }
  .bot {
    align-self: flex-start;
    background: #f0edf5;
    color: #1d1d1f;
    border-end-start-radius: 4px;
  }
  .you {
    align-self: flex-end;
    background: var(--_accent);
    color: var(--_accent-text);
    border-end-end-radius: 4px;
  }
  .bubble.note {
    align-self: center;
    font-size: 0.875em;
    color: #505a5f;
    font-style: italic;
  }
  /* Heard, not seen; the skip to Exit is seen once reached with the keyboard (as GOV.UK's skip link). */
  .sr-only,
  .to-exit:not(:focus) {
    position: absolute;
    padding: 0;
    border: 0;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .cards {
    display: flex;
    flex-direction: column;
    gap: 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .group-title {
    margin: 4px 0 0;
    font-size: 0.95em;
  }
  .card {
    padding: 10px 12px;
    border: 1px solid #b1b4b6;
    border-inline-start: 6px solid var(--_accent);
    border-radius: 8px;
    background: #ffffff;
    color: #0b0c0c;
    /* Long names, addresses and links wrap rather than widen the card. */
    overflow-wrap: anywhere;
  }
  .card.emergency {
    border-inline-start-color: #b3261e;
  }
  .card :is(h3, h4) {
    margin: 0 0 4px;
    font-size: 1em;
  }
  .card p {
    margin: 4px 0;
  }
  .card .small {
    font-size: 0.875em;
    color: #505a5f;
  }
  .contacts {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 6px 0;
    padding: 0;
    list-style: none;
  }
  .contacts li {
    max-inline-size: 100%;
  }
  .contacts a {
    max-inline-size: 100%;
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding: 6px 12px;
    border: 2px solid var(--_accent);
    border-radius: 6px;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: none;
  }
  .bubble a {
    color: inherit;
    font-weight: 600;
  }
  /* The emergency call: as big and clear as the Exit button, right under the words that ask for it. */
  .call {
    margin: 0;
  }
  .call-999,
  .card.emergency .contacts a {
    display: inline-flex;
    align-items: center;
    min-block-size: 48px;
    padding: 8px 18px;
    border: 2px solid #b3261e;
    border-radius: 6px;
    background: #b3261e;
    color: #ffffff;
    font-weight: 700;
    font-size: 1.05em;
    text-decoration: none;
  }
  .area-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    margin: 4px 0 0;
    font-weight: 600;
  }
  /* Buttons in the transcript: drawn like the answers (below), squarer, as they act on the list. */
  .cards .change-area,
  .cards .more {
    padding: 6px 12px;
    border-radius: 6px;
  }
  .more {
    align-self: flex-start;
  }
  .area-note {
    margin: 0;
    font-size: 0.95em;
  }
  .group {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .card:focus-visible,
  .card.was-hidden:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The search box (when there is one) and the answers scroll together under one cap, so a long
     list (the councils) never pushes the reply, or the Call 999 under it, out of view. */
  .answers {
    /* Keep the answers at their own height (up to the cap) and let the transcript give way:
       otherwise a long reply squeezes them to one row and hides "I'm in danger now" and "Back". */
    flex: none;
    max-block-size: 45%;
    overflow-y: auto;
    overscroll-behavior: contain;
    border-block-start: 1px solid #d9d9d9;
  }
  .frame.inline .answers {
    /* An inline panel has no fixed height, so the cap is set against the screen instead (and
       always holds the area search with the first answer under it). */
    max-block-size: max(32vh, 12.5em);
  }
  .to-exit:focus {
    align-self: flex-start;
    margin: 8px 12px 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    padding: 10px 12px 12px;
  }
  header,
  .hint,
  .search {
    flex: none;
  }
  .choices button,
  .change-area,
  .more,
  .to-exit {
    min-block-size: 44px;
    padding: 8px 14px;
    border: 2px solid var(--_accent);
    border-radius: 22px;
    background: var(--_background);
    color: var(--_accent);
    font: 600 0.95em/1.25 var(--_font);
    text-align: start;
    cursor: pointer;
  }
  .choices button.secondary {
    border-style: dashed;
    font-weight: 500;
  }
  /* Only where there is a pointer that hovers: on a touch screen the tapped spot keeps its hover,
     and the answer that next appears there would look chosen. */
  @media (hover: hover) {
    .choices button:hover {
      background: var(--_accent);
      color: var(--_accent-text);
    }
  }
  .search {
    padding: 8px 12px 0;
  }
  .search label {
    display: block;
    margin-block-end: 4px;
    font-weight: 600;
  }
  .search-row {
    display: flex;
    gap: 8px;
  }
  .search input {
    flex: 1 1 auto;
    min-inline-size: 0;
    min-block-size: 44px;
    padding: 8px 10px;
    border: 2px solid #0b0c0c;
    border-radius: 6px;
    font: 1em var(--_font);
    color: #0b0c0c;
    background: #ffffff;
  }
  .search input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px #0b0c0c;
  }
  .search button {
    min-block-size: 44px;
    padding: 8px 16px;
    border: 2px solid var(--_accent);
    border-radius: 6px;
    background: var(--_accent);
    color: var(--_accent-text);
    font: 600 1em var(--_font);
    cursor: pointer;
  }
  .search + .prompt {
    padding: 8px 12px 0;
  }
  .prompt {
    flex-basis: 100%;
    margin: 0;
    font-weight: 600;
  }
  /* Small phones: keep Exit, the title and Close on one row, so the conversation keeps the room. */
  @media (max-width: 23.5em) {
    header {
      gap: 6px;
      padding: 8px;
    }
    h2 {
      font-size: 0.95em;
      line-height: 1.15;
    }
    .exit {
      padding: 8px 10px;
    }
    .close {
      padding: 0 8px;
    }
    .hint {
      padding: 4px 8px;
    }
  }
  /*
   * Short screens (a phone on its side, 400% zoom, or large text), or a header and tip grown by
   * the person's text spacing (the panel sets .stacked, see watchRoom). A transcript squeezed
   * between the header and the answers would show a line or two, so the whole panel scrolls
   * instead, with the header (and Exit) pinned at the top.
   */
  .frame.floating.stacked {
    overflow-y: auto;
    overscroll-behavior: contain;
    scroll-padding-block-start: 5em;
  }
  .frame.floating.stacked header {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
  }
  .frame.inline.stacked,
  .frame.inline.engaged.stacked {
    min-block-size: 0;
    max-block-size: none;
  }
  .frame.stacked .log,
  .frame.stacked .answers,
  .frame.inline.stacked .answers {
    flex: none;
    overflow: visible;
    max-block-size: none;
  }
  @media (forced-colors: active) {
    .exit,
    .choices button,
    .contacts a,
    .call-999,
    .change-area,
    .more,
    .to-exit,
    .close {
      border-color: ButtonText;
    }
    .bubble,
    .card {
      border: 1px solid CanvasText;
    }
    /* Colour alone separated the header and the answers from the transcript. */
    header {
      border-block-end: 2px solid CanvasText;
    }
  }
`;

export const panelSheet = styleSheet(panelStyles);
