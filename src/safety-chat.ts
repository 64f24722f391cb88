/**
 * The one file a partner links. It registers <safety-chat> and draws the
 * launcher; the panel, engine and content load as a separate chunk on first
 * open (or when the pointer or focus shows the person is about to open it).
 */
import { SafetyChat } from './element/safety-chat.element.js';

export { SafetyChat };
export type { SafetyChatEventMap } from './element/safety-chat.element.js';
export type { WidgetConfig } from './element/config.js';

// Registered in a task of its own: a module script runs in the same task as the end of the
// page's parsing (and often its first layout), which the widget should not lengthen.
// The script may be included twice (or in two bundles): register only once.
setTimeout(() => {
  if (!customElements.get('safety-chat')) customElements.define('safety-chat', SafetyChat);
}, 0);
