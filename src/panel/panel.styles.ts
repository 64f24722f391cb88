import { css } from '@lit/reactive-element';

const panelStyles = css`
  .frame {
    display: flex;
    flex-direction: column;
    background: var(--_bg);
    color: var(--_text);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .frame.floating {
    position: fixed;
    z-index: var(--_z);
    inset-block-end: 16px;
    inset-inline-end: 16px;
    inline-size: min(400px, calc(100vw - 32px));
    block-size: min(640px, calc(100dvh - 32px));
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.3);
    border: 1px solid rgb(0 0 0 / 0.15);
  }
  @media (max-width: 480px) {
    .frame.floating {
      inset: 0;
      inline-size: 100vw;
      block-size: 100dvh;
      border-radius: 0;
    }
  }
  .frame.inline {
    border: 1px solid rgb(0 0 0 / 0.2);
    min-block-size: 420px;
    max-block-size: 80vh;
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
    min-inline-size: 5rem;
    order: 1;
    margin: 0;
    font-size: 1.05rem;
    line-height: 1.2;
  }
  .exit {
    order: 2;
    min-block-size: 44px;
    padding: 8px 14px;
    border: 2px solid var(--_exit-text);
    border-radius: 6px;
    background: var(--_exit-bg);
    color: var(--_exit-text);
    font: 700 1rem/1.2 var(--_font);
    cursor: pointer;
  }
  .close {
    order: 3;
    min-block-size: 44px;
    min-inline-size: 44px;
    border: 2px solid currentColor;
    border-radius: 6px;
    background: transparent;
    color: inherit;
    font: 600 0.95rem var(--_font);
    cursor: pointer;
  }
  .hint {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 4px 12px;
    font-size: 0.875rem;
    background: #f3f2f1;
    color: #0b0c0c;
  }
  .hint p {
    flex: 1 1 auto;
    margin: 0;
  }
  .clear {
    flex: none;
    min-block-size: 44px;
    padding: 4px 10px;
    border: 2px solid #0b0c0c;
    border-radius: 6px;
    background: #ffffff;
    color: #0b0c0c;
    font: 600 0.875rem var(--_font);
    cursor: pointer;
  }
  .log {
    flex: 1 1 auto;
    overflow-y: auto;
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    overscroll-behavior: contain;
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
  .note {
    align-self: center;
    font-size: 0.875rem;
    color: #505a5f;
    font-style: italic;
  }
  .sr-only {
    position: absolute;
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
    font-size: 0.95rem;
  }
  .card {
    padding: 10px 12px;
    border: 1px solid #b1b4b6;
    border-inline-start: 6px solid var(--_accent);
    border-radius: 8px;
    background: #ffffff;
    color: #0b0c0c;
  }
  .card.emergency {
    border-inline-start-color: #b3261e;
  }
  .card h3 {
    margin: 0 0 4px;
    font-size: 1rem;
  }
  .card p {
    margin: 4px 0;
  }
  .card .small {
    font-size: 0.875rem;
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
  .contacts a {
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
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    padding: 10px 12px 12px;
    border-block-start: 1px solid #d9d9d9;
    max-block-size: 45%;
    overflow-y: auto;
  }
  .choices button {
    min-block-size: 44px;
    padding: 8px 14px;
    border: 2px solid var(--_accent);
    border-radius: 22px;
    background: var(--_bg);
    color: var(--_accent);
    font: 600 0.95rem/1.25 var(--_font);
    text-align: start;
    cursor: pointer;
  }
  .choices button.secondary {
    border-style: dashed;
    font-weight: 500;
  }
  .choices button:hover {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .search {
    padding: 10px 12px 0;
    border-block-start: 1px solid #d9d9d9;
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
    font: 1rem var(--_font);
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
    font: 600 1rem var(--_font);
    cursor: pointer;
  }
  .search + .prompt {
    padding: 8px 12px 0;
  }
  .search + .choices {
    border-block-start: 0;
  }
  .prompt {
    flex-basis: 100%;
    margin: 0;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .exit,
    .choices button,
    .contacts a,
    .close {
      border-color: ButtonText;
    }
    .bubble,
    .card {
      border: 1px solid CanvasText;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .bubble.new {
      animation: appear 160ms ease-out;
    }
    @keyframes appear {
      from {
        opacity: 0;
        transform: translateY(4px);
      }
    }
  }
`;

export const panelSheet = panelStyles.styleSheet!;
