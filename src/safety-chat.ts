/**
 * The one file a partner links. It registers <safety-chat> and draws the
 * launcher; the panel, engine and content load as a separate chunk on first
 * open (or when the pointer or focus shows the person is about to open it).
 */
import type { SafetyChatConstructor } from './element/api.js';
import { SafetyChat as Element } from './element/safety-chat.element.js';
import { report } from './shared/report.js';

/** The element's class, typed by its public contract only. */
export const SafetyChat: SafetyChatConstructor = Element;
export type { SafetyChatConstructor, SafetyChatElement, SafetyChatEventMap } from './element/api.js';

// Registered in a task of its own: a module script runs in the same task as the end of the
// page's parsing (and often its first layout), which the widget should not lengthen.
// The script may be included twice (or in two bundles): register only once. A page that has
// replaced `customElements`, or already defined this class under another name, gets a report,
// never an error.
setTimeout(() => {
  try {
    if (!customElements.get('safety-chat')) customElements.define('safety-chat', Element);
  } catch (e) {
    report(e);
  }
}, 0);
