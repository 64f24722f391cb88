/** The package partners install: its manifest, types and tarball contents (after `npm run build`). */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('the npm package', () => {
  it('points exports, types, module and the custom elements manifest at built files', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.']).toEqual({ types: './dist/types/safety-chat.d.ts', default: './dist/safety-chat.js' });
    expect(pkg.types).toBe('./dist/types/safety-chat.d.ts');
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.sideEffects).toEqual(['./dist/safety-chat.js']);
  });

  it('is MIT licensed, with the licence text in the package', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n[\s\S]*Permission is hereby granted, free of charge/);
  });

  it('packs what a partner needs and nothing else', () => {
    const [report] = JSON.parse(execSync('npm pack --dry-run --json 2>/dev/null', { encoding: 'utf8' }));
    const files: string[] = report.files.map((f: { path: string }) => f.path).sort();
    expect(files).toContain('dist/safety-chat.js');
    expect(files).toContain('dist/types/safety-chat.d.ts');
    expect(files).toContain('custom-elements.json');
    expect(files).toContain('README.md');
    expect(files).toContain('CHANGELOG.md');
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/integrity.json');
    expect(files.some((f) => /^dist\/chunks\/panel-[\w-]+\.js$/.test(f))).toBe(true);
    for (const f of files) expect(f, f).toMatch(/^(dist\/|custom-elements\.json$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/);
    expect(files.some((f) => /\.(yaml|csv|map)$|^src\/|^tests\/|^flows\//.test(f))).toBe(false);
    console.log(`npm pack: ${files.length} files, ${(report.size / 1024).toFixed(1)} KB packed`);
  });

  it('the manifest documents the whole embed contract', () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
    const el = manifest.modules.flatMap((m: { declarations: unknown[] }) => m.declarations).find((d: { tagName?: string }) => d.tagName === 'safety-chat');
    const names = (list: { name: string }[] = []) => list.map((x) => x.name).sort();
    expect(names(el.attributes)).toEqual(['area', 'audience', 'clear-after', 'exit-url', 'label', 'lang', 'mode']);
    expect(names(el.events)).toEqual(['safety-chat-close', 'safety-chat-exit', 'safety-chat-open']);
    expect(names(el.cssParts)).toEqual(['choices', 'exit-button', 'header', 'launcher', 'panel', 'transcript']);
    expect(el.cssProperties.length).toBe(10);
    const methods = el.members.filter((m: { kind: string; privacy?: string }) => m.kind === 'method' && !m.privacy).map((m: { name: string }) => m.name).sort();
    expect(methods).toEqual(expect.arrayContaining(['clear', 'hide', 'quickExit', 'show']));
  });

  it('ships typed declarations with the tag name map and typed events', () => {
    const dts = readFileSync('dist/types/element/safety-chat.element.d.ts', 'utf8');
    expect(dts).toMatch(/interface HTMLElementTagNameMap\s*{\s*'safety-chat': SafetyChat;/);
    expect(dts).toMatch(/'safety-chat-open': Event;/);
    expect(dts).toMatch(/show\(\): void;/);
  });
});
