/** Builds a small, valid flows folder in a temporary directory, optionally changed by a test. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAndCompile } from '../../src/content/compile.js';
import { flowsDir } from './live-content.js';

export const validFlow = `id: demo
title: A small test flow
start: start
nodes:
  start:
    say: Hello. Pick one.
    choices:
      - label: Take the check
        next: check#intro
      - label: Find support
        next: support
  support:
    type: services
    say: These can help.
    tags: [everyone]
    emergency: true
    choices:
      - label: Start
        next: start
`;

export const validCheck = `id: check
title: A private check
start: intro
private: true
nodes:
  intro:
    say: A few questions. Nothing is saved.
    choices:
      - label: Start
        next: q-danger
  q-danger:
    type: question
    key: danger
    say: Are you in danger now?
    next: route-danger
  route-danger:
    type: branch
    routes:
      - when: { key: danger, is: [yes, not-sure] }
        next: now
    otherwise: q-choke
  q-choke:
    type: question
    key: choke
    say: Has the person ever choked you?
    next: route
    choices:
      - label: Stop the check
        next: demo#start
  route:
    type: branch
    routes:
      - when: { any: [{ key: choke, is: yes }] }
        next: serious
    otherwise: general
  now:
    type: services
    forget: true
    say: Call 999 now.
    tags: [everyone]
    emergency: true
    choices:
      - label: Back to start
        next: demo#start
  serious:
    type: services
    forget: true
    say: Please talk to someone today.
    tags: [everyone]
    choices:
      - label: Back to start
        next: demo#start
  general:
    say: What you told me can still be abuse.
    forget: true
    choices:
      - label: Find support
        next: demo#support
`;

const widget = readFileSync(`${flowsDir}/widget.yaml`, 'utf8').replace(/starts:\n(  .*\n)+/, 'starts:\n  general: demo\n  young-people: demo#start\n');

export function makeFlows(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'flows-'));
  cpSync(`${flowsDir}/areas.yaml`, join(dir, 'areas.yaml'));
  cpSync(`${flowsDir}/services.yaml`, join(dir, 'services.yaml'));
  cpSync(`${flowsDir}/places.yaml`, join(dir, 'places.yaml'));
  const all = { 'widget.yaml': widget, 'demo.yaml': validFlow, 'check.yaml': validCheck, ...files };
  for (const [name, text] of Object.entries(all)) writeFileSync(join(dir, name), text);
  return dir;
}

export function compileFixture(files: Record<string, string> = {}) {
  return checkAndCompile(makeFlows(files), process.cwd());
}
