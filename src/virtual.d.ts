declare module 'virtual:safety-chat/content' {
  const content: import('./engine/data.js').Content;
  export default content;
}
declare module 'virtual:safety-chat/launcher' {
  const config: import('./engine/data.js').LauncherConfig;
  export default config;
}
