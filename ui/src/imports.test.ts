// The modules under src/ import one another without a circle: a circle makes the order in which
// modules initialise matter (a page reading a route list before it exists), and tangles what
// should be layers (lib, components, pages, routes, the shell).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

/** sources lists the .ts and .tsx files under dir, tests and generated code left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'gql' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** imports returns the files under src/ that file imports, type-only imports included. */
function imports(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    const base = resolve(dirname(file), m[1]);
    const target = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => known.has(p));
    if (target) out.push(target);
  }
  return out;
}

/** cycle returns one circle of imports among files, as a list of paths, or null. */
function cycle(files: string[]): string[] | null {
  const known = new Set(files);
  const graph = new Map(files.map((f) => [f, imports(f, known)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      const found = visit(g);
      if (found) return found;
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    const found = visit(f);
    if (found) return found;
  }
  return null;
}

describe('imports', () => {
  it('form no circle', () => {
    const found = cycle(sources(src));
    expect(found?.map((f) => relative(src, f)).join(' → ') ?? null).toBeNull();
  });
  it('are read by the check (it finds the pages routes.ts imports)', () => {
    const files = sources(src);
    const routes = join(src, 'routes.ts');
    expect(imports(routes, new Set(files))).toContain(join(src, 'pages', 'Home.tsx'));
  });
});
