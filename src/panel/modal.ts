/**
 * Makes the panel modal when it must be, by moving its container into a modal `<dialog>` of its
 * own (which draws nothing itself):
 * - on a phone, where the floating panel covers the whole page: the page behind cannot be reached
 *   with Tab or a screen reader's swipe, and focus wraps inside the panel, as in any full-screen
 *   dialog;
 * - above a modal dialog of the host page (a cookie banner or survey that opens while someone is
 *   chatting), which would otherwise make everything outside it inert, the panel and its Exit
 *   button too, even in the top layer. The host's dialog waits underneath.
 * When neither holds any more, or the panel closes, the container moves back.
 */
export class ModalPanel {
  private observer?: MutationObserver;
  private shell?: HTMLDialogElement;
  private readonly check = () => this.lift(!!document.querySelector('dialog:modal:not(.shell)') || !!this.covers?.matches);

  constructor(
    private readonly container: HTMLElement,
    /** Matches while the panel covers the whole page (a floating panel on a phone); none inline. */
    private readonly covers: MediaQueryList | undefined,
    /** Called after each move: the panel draws itself again (and comes back to the top). */
    private readonly moved: () => void,
    /** Escape on the panel's own dialog: close the panel, as Escape does anywhere in it. */
    private readonly escape: () => void,
  ) {}

  /** Watch for host modal dialogs and for the screen's width while the panel shows. */
  watch(on: boolean) {
    if (on && !this.observer) {
      // A dialog opened with showModal() gets the `open` attribute; nothing else is watched.
      this.observer = new MutationObserver(this.check);
      this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['open'], subtree: true });
      this.covers?.addEventListener('change', this.check);
      this.check();
    } else if (!on && this.observer) {
      this.observer.disconnect();
      this.observer = undefined;
      this.covers?.removeEventListener('change', this.check);
      this.lift(false);
    }
  }

  private lift(up: boolean) {
    if (up === !!this.shell || !this.container.parentNode) return;
    if (up) {
      const shell = document.createElement('dialog');
      shell.className = 'shell';
      shell.addEventListener('cancel', (e) => {
        e.preventDefault();
        this.escape();
      });
      this.container.before(shell);
      move(shell, this.container, null);
      shell.showModal();
      this.shell = shell;
    } else {
      const shell = this.shell!;
      this.shell = undefined;
      move(shell.parentNode!, this.container, shell);
      shell.close();
      shell.remove();
    }
    this.moved();
  }
}

/** Move a node keeping its state where the browser can (`moveBefore`), else an ordinary insert. */
function move(parent: Node, node: Node, before: Node | null) {
  const p = parent as Node & { moveBefore?: (node: Node, child: Node | null) => void };
  if (p.moveBefore) p.moveBefore(node, before);
  else parent.insertBefore(node, before);
}
