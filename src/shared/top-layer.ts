/**
 * Shows or hides an element in the browser's top layer (as a manual popover),
 * above anything the host page stacks with z-index; `hidden` where popovers
 * are not supported.
 */
export function showInTopLayer(el: HTMLElement, show: boolean): void {
  if (!('showPopover' in el) || !el.isConnected) {
    el.hidden = !show;
    return;
  }
  el.hidden = false;
  if (!el.popover) el.popover = 'manual';
  const open = el.matches(':popover-open');
  if (show && !open) el.showPopover();
  else if (!show && open) el.hidePopover();
}
