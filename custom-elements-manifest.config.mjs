// Generates custom-elements.json (npm run manifest) from the JSDoc on the element.
export default {
  globs: ['src/element/safety-chat.element.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'safety-chat-tidy',
      // The element's events are documented with @fires; drop what the analyzer
      // infers from the generic emit(name) helper.
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const d of mod.declarations ?? []) if (d.events) d.events = d.events.filter((e) => e.name !== 'name');
        }
      },
    },
  ],
};
