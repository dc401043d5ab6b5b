// Each project's package.json lists exactly what it imports (`npm run lint` runs this):
// - a package imported by a project's code is in its `dependencies` (or `peerDependencies`);
// - a package imported only by its tests is in its `devDependencies`, or the root's (shared test tooling);
// - a dependency nothing imports is an error, unless the manifest says why it is needed at run time
//   (`"factdesk": { "runtime": { "pg": "TypeORM's PostgreSQL driver" } }`).
// Imports are read with TypeScript's own pre-processor, so comments and strings never count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = new URL('..', import.meta.url).pathname;
const BUILTINS = new Set(builtinModules);
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs)$/;
// Tests and build tooling: their packages may come from devDependencies (the project's or the root's).
const TEST = /(\.spec\.tsx?$|\.test\.tsx?$|(^|\/)(test|e2e)\/|jest\.config\.mjs$|vite(st)?\.config\.ts$)/;

const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const rootDev = new Set([...Object.keys(rootPkg.devDependencies ?? {}), ...Object.keys(rootPkg.dependencies ?? {})]);

function workspaceDirs() {
  const dirs = [];
  for (const pattern of rootPkg.workspaces) {
    if (!pattern.endsWith('/*')) dirs.push(pattern);
    else
      for (const entry of readdirSync(join(ROOT, pattern.slice(0, -2)))) dirs.push(`${pattern.slice(0, -2)}/${entry}`);
  }
  return dirs.filter((d) => {
    try {
      return statSync(join(ROOT, d, 'package.json')).isFile();
    } catch {
      return false;
    }
  });
}

function* files(dir, skip = new Set()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(path)) yield* files(path, skip);
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const packageName = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]);
const typesName = (p) => `@types/${p.startsWith('@') ? p.slice(1).replace('/', '__') : p}`;

function importsOf(path) {
  const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((s) => !s.startsWith('.') && !s.startsWith('/') && !s.startsWith('node:') && !BUILTINS.has(s))
    .map(packageName);
}

const workspaces = workspaceDirs().map((dir) => ({
  dir,
  pkg: JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')),
}));
const workspaceNames = new Set(workspaces.map((w) => w.pkg.name));
const problems = [];

for (const { dir, pkg } of workspaces) {
  const deps = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const dev = new Set(Object.keys(pkg.devDependencies ?? {}));
  const runtime = pkg.factdesk?.runtime ?? {};
  const used = new Set();
  for (const path of files(join(ROOT, dir))) {
    const rel = relative(join(ROOT, dir), path).split(sep).join('/');
    const isTest = TEST.test(relative(ROOT, path).split(sep).join('/'));
    for (const name of importsOf(path)) {
      if (name === pkg.name) continue;
      used.add(name);
      const declared = deps.has(name) || deps.has(typesName(name));
      if (isTest) {
        // Listing the test library in a library it builds on (persistence) would be a cycle for Nx.
        if (name === '@factdesk/testing') continue;
        if (!declared && !dev.has(name) && !rootDev.has(name) && !dev.has(typesName(name)))
          problems.push(`${dir}: ${rel} imports '${name}', which neither ${dir}/package.json nor the root's lists`);
      } else if (!declared) {
        problems.push(`${dir}: ${rel} imports '${name}', which ${dir}/package.json does not list in dependencies`);
      }
    }
  }
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    if (used.has(name) || runtime[name] || (name.startsWith('@types/') && [...used].some((u) => typesName(u) === name)))
      continue;
    problems.push(
      `${dir}: '${name}' is in dependencies but nothing in ${dir} imports it (say why under factdesk.runtime if it is loaded at run time)`,
    );
  }
  for (const name of Object.keys(runtime)) {
    if (!deps.has(name)) problems.push(`${dir}: factdesk.runtime names '${name}', which is not a dependency`);
  }
}

// The root's own scripts and tools use the root manifest; workspace packages come through npm workspaces.
const skip = new Set(workspaces.map((w) => join(ROOT, w.dir)));
skip.add(join(ROOT, 'docs'));
for (const path of files(ROOT, skip)) {
  const rel = relative(ROOT, path).split(sep).join('/');
  for (const name of importsOf(path)) {
    if (!workspaceNames.has(name) && !rootDev.has(name))
      problems.push(`root: ${rel} imports '${name}', which package.json does not list`);
  }
}

if (problems.length) {
  process.stderr.write(`package manifests disagree with the imports:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(`package manifests: ${workspaces.length + 1} agree with their imports\n`);
