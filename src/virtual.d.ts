declare module 'virtual:safety-chat/content' {
  /** Packed for size: unpack with `unpackContent`. */
  const content: import('./engine/pack.js').PackedContent;
  export default content;
}
declare module 'virtual:safety-chat/route/general' {
  /** The general route's screens: unpack with `unpackRoute`. */
  const nodes: import('./engine/pack.js').PackedNode[];
  export default nodes;
}
declare module 'virtual:safety-chat/route/young-people' {
  /** The young people's route's screens: unpack with `unpackRoute`. */
  const nodes: import('./engine/pack.js').PackedNode[];
  export default nodes;
}
declare module 'virtual:safety-chat/launcher' {
  const config: import('./engine/data.js').LauncherConfig;
  export default config;
}
declare module 'virtual:safety-chat/places' {
  /** The town and postcode table of the area search, loaded when the area is first asked. */
  const table: import('./engine/area-lookup.js').AreaTable;
  export default table;
}
declare module 'virtual:safety-chat/keywords' {
  /** One '|'-separated keyword list per topic, in topic order. */
  const keywords: string[];
  export default keywords;
}
