/** A failure inside the widget: said once in the console, never thrown into the page. */
export function report(error: unknown) {
  console.error('<safety-chat>: something went wrong inside the widget; the page is unaffected.', error);
}
