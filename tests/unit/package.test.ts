/** The package partners install: its manifest, types and tarball contents (after `npm run build`). */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
    expect(names(el.attributes)).toEqual(['area', 'audience', 'clear-after', 'exit-url', 'label', 'lang', 'mode', 'preload']);
    expect(names(el.events)).toEqual(['safety-chat-close', 'safety-chat-exit', 'safety-chat-open']);
    expect(names(el.cssParts)).toEqual(['choices', 'exit-button', 'header', 'launcher', 'panel', 'transcript']);
    expect(el.cssProperties.length).toBe(10);
    const methods = el.members.filter((m: { kind: string; privacy?: string }) => m.kind === 'method' && !m.privacy).map((m: { name: string }) => m.name).sort();
    expect(methods).toEqual(expect.arrayContaining(['clear', 'hide', 'quickExit', 'show']));
  });

  it('ships typed declarations with the tag name map and typed events', () => {
    const dts = readFileSync('dist/types/element/api.d.ts', 'utf8');
    expect(dts).toMatch(/interface HTMLElementTagNameMap\s*{\s*'safety-chat': SafetyChatElement;/);
    expect(dts).toMatch(/'safety-chat-open': Event;/);
    expect(dts).toMatch(/show\(\): void;/);
    expect(readFileSync('dist/types/safety-chat.d.ts', 'utf8')).toMatch(/export declare const SafetyChat: SafetyChatConstructor;/);
  });

  it('installs nothing beside itself: the libraries are bundled, and the published types import none', () => {
    // Everything the built files run is inside dist, so an installer downloads nothing more.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    for (const lib of ['lit', 'lit-html', '@lit/reactive-element', 'xstate', 'zod']) expect(pkg.devDependencies[lib], lib).toBeTruthy();
    const built = readdirSync('dist/chunks').map((f) => readFileSync(`dist/chunks/${f}`, 'utf8')).concat(readFileSync('dist/safety-chat.js', 'utf8'));
    // Minified module syntax: `import{a as b}from"x"`, `import"x"`, `import("x")`, `export*from"x"`.
    const moduleSpecifiers = /(?:\bimport\s*|[}*]\s*from\s*|\bimport\s*\(\s*)["']([^"']+)["']/g;
    const specifiers = built.flatMap((code) => [...code.matchAll(moduleSpecifiers)].map((m) => m[1]!));
    expect(specifiers.length).toBeGreaterThan(0);
    for (const spec of specifiers) expect(spec).toMatch(/^\.{1,2}\//);
    // Follow the declarations a partner's TypeScript reads, from the package's "types" file.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\./);
        visit(join(dirname(file), spec!.replace(/\.js$/, '.d.ts')));
      }
    };
    visit(pkg.types.replace(/^\.\//, ''));
    expect(seen.size).toBeGreaterThan(1);
  });
});
