/**
 * Keeps the panel usable above a modal dialog of the host page (a cookie banner or survey that
 * opens while someone is chatting). A host's modal `<dialog>` makes everything outside it inert,
 * the panel and its Exit button too, even in the top layer. While one is open, the panel's
 * container moves into a modal dialog of its own, above the host's: the panel stays usable and
 * the host's dialog waits underneath. When the host's dialog closes, or the panel does, it moves
 * back.
 */
export class OverHostModal {
  private observer?: MutationObserver;
  private shell?: HTMLDialogElement;

  constructor(
    private readonly container: HTMLElement,
    /** Called after each move: the panel draws itself again (and comes back to the top). */
    private readonly moved: () => void,
    /** Escape on the panel's own dialog: close the panel, as Escape does anywhere in it. */
    private readonly escape: () => void,
  ) {}

  /** Watch for host modal dialogs while the panel shows. */
  watch(on: boolean) {
    if (on && !this.observer) {
      // A dialog opened with showModal() gets the `open` attribute; nothing else is watched.
      this.observer = new MutationObserver(() => this.check());
      this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['open'], subtree: true });
      this.check();
    } else if (!on && this.observer) {
      this.observer.disconnect();
      this.observer = undefined;
      this.lift(false);
    }
  }

  private check() {
    this.lift(!!document.querySelector('dialog:modal'));
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
