// The first load's JavaScript budget (issue 16: ≤ 80 kB gzip): index.html's script and every
// module it imports statically, read from the committed build (ui/dist, which check-ui keeps equal
// to a fresh build). Modules loaded with import() (the charts) are not part of the first load.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

/** The budget in bytes of gzip (level 9, as Vite reports it). */
const budget = 80_000;

/** staticImports are the relative modules a built module imports statically (not import()). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.\.?\/[^"']+\.js)["']/g)].map((m) => m[1]);
}

/** firstLoad lists the JavaScript files (paths under dist) that loading index.html runs. */
function firstLoad(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const rel of staticImports(readFileSync(join(dist, file), 'utf8'))) visit(join(dirname(file), rel));
  };
  entries.forEach(visit);
  return [...seen];
}

describe('the first load', () => {
  it('finds static imports and leaves dynamic ones out', () => {
    expect(staticImports('import{a as b}from"./x-1.js";import"./y.js";const p=()=>import("./Plot-2.js");import*as z from "../w.js"')).toEqual(['./x-1.js', './y.js', '../w.js']);
  });
  it(`runs at most ${budget / 1000} kB gzip of JavaScript, without the charts`, () => {
    const files = firstLoad();
    expect(files.length).toBeGreaterThan(0);
    const code = files.map((f) => readFileSync(join(dist, f)));
    const size = code.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0);
    console.log(`first load: ${files.join(', ')}: ${(size / 1000).toFixed(1)} kB gzip (budget ${budget / 1000} kB)`);
    expect(size).toBeLessThanOrEqual(budget);
    // uPlot (its legend's class names) is loaded with the first chart, not before.
    for (const c of code) expect(c.toString('utf8')).not.toContain('u-legend');
  });
});
