import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WARN_BEFORE_MS } from '../../src/panel/idle-clear.js';
import { flowsDir } from './live-content.js';

describe('the inactivity warning', () => {
  const strings = (parse(readFileSync(`${flowsDir}/widget.yaml`, 'utf8')) as { strings: Record<string, string | Record<string, string>> }).strings;
  const english = (key: string) => {
    const s = strings[key]!;
    return typeof s === 'string' ? s : s.en!;
  };

  it('says the time the code gives the person before the chat clears', () => {
    expect(english('idleWarning')).toContain(`${WARN_BEFORE_MS / 1000} seconds`);
  });

  it('offers to keep the chat, and says why it cleared afterwards', () => {
    expect(english('idleKeep')).toMatch(/keep/i);
    expect(english('idleCleared')).toMatch(/cleared/i);
  });
});
