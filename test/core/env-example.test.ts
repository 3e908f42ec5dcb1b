import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config';

describe('.env.example', () => {
  it('documents every variable the config reads', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    const documented = new Set([...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
    const read = Object.keys(configSchema.shape);
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
  });
});
