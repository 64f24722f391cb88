/**
 * The one file a partner links. It registers <safety-chat> and draws the
 * launcher; the panel, engine and content load as a separate chunk on first
 * open (or when the pointer or focus shows the person is about to open it).
 */
import { SafetyChat } from './element/safety-chat.element.js';

export { SafetyChat };
export type { SafetyChatEventMap } from './element/safety-chat.element.js';
export type { WidgetConfig } from './element/config.js';

// The script may be included twice (or in two bundles): register only once.
if (!customElements.get('safety-chat')) customElements.define('safety-chat', SafetyChat);
