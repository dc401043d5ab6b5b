// The workspace's module boundaries as ESLint rules. Each import is resolved to the project it lands in
// (the nearest workspace package.json), so `../../api/client` inside apps/web is the web app's own file
// while `../../api/test/harness.js` from apps/worker is the API's. Which project may import which is
// the table in eslint.config.mjs; docs/architecture.md draws it. That each
// project's package.json lists what it imports is tools/check-manifests.mjs's job.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Workspace projects by folder (relative to the root) and by package name. */
const projects = (() => {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const byDir = new Map();
  const byName = new Map();
  const folders = [];
  for (const pattern of root.workspaces) {
    if (pattern.endsWith('/*')) {
      const base = pattern.slice(0, -2);
      for (const entry of readdirSafe(join(ROOT, base))) folders.push(`${base}/${entry}`);
    } else folders.push(pattern);
  }
  for (const dir of folders) {
    const manifest = join(ROOT, dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    const project = {
      dir,
      name: pkg.name,
    };
    byDir.set(dir, project);
    byName.set(pkg.name, project);
  }
  return { byDir, byName };
})();

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The project a file belongs to, or a pseudo-project for the root's folders (scripts, tools). */
function projectOf(file) {
  const rel = relative(ROOT, file).split(sep).join('/');
  for (const [dir, project] of projects.byDir) if (rel === dir || rel.startsWith(`${dir}/`)) return project;
  const top = rel.split('/')[0];
  return { dir: top, name: top, root: true };
}

/** The package name of a bare specifier: '@scope/name/x' → '@scope/name', 'name/x' → 'name'. */
function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const isTestFile = (file) => /(\.spec\.tsx?|\/test\/|\/e2e\/)/.test(file.split(sep).join('/'));

function importSources(context, check) {
  const visit = (node) => {
    if (node.source && typeof node.source.value === 'string')
      check(node, node.source.value, node.importKind === 'type' || node.exportKind === 'type');
  };
  return {
    ImportDeclaration: visit,
    ExportAllDeclaration: visit,
    ExportNamedDeclaration: visit,
    ImportExpression(node) {
      if (node.source.type === 'Literal' && typeof node.source.value === 'string')
        check(node, node.source.value, false);
    },
  };
}

/**
 * `boundaries/projects`: options `{ allow: { [projectName]: [projectName…] | '*' }, testOnly: [projectName…] }`.
 * A project not in `allow` may import any workspace project except apps.
 */
const projectsRule = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object' }],
    messages: { denied: '{{from}} may not import {{to}}: {{why}}' },
  },
  create(context) {
    const { allow = {}, testOnly = [], why = {} } = context.options[0] ?? {};
    const file = context.filename;
    const from = projectOf(file);
    return importSources(context, (node, source) => {
      let to;
      if (source.startsWith('.')) to = projectOf(resolve(dirname(file), source));
      else to = projects.byName.get(packageName(source));
      // Root files (jest presets, tools) are shared configuration, not code of another project.
      if (!to || to.root || to.name === from.name) return;
      if (testOnly.includes(to.name) && !isTestFile(file) && !from.root) {
        context.report({
          node,
          messageId: 'denied',
          data: { from: from.name, to: to.name, why: 'it is for tests only' },
        });
        return;
      }
      const allowed = allow[from.name];
      const ok = allowed === '*' || (allowed ? allowed.includes(to.name) : !to.dir.startsWith('apps/'));
      if (!ok)
        context.report({
          node,
          messageId: 'denied',
          data: { from: from.name, to: to.name, why: why[from.name] ?? 'see docs/architecture.md' },
        });
    });
  },
};

/** `boundaries/packages`: packages only some projects may import at run time, e.g. bullmq only in libs/queue. */
const packagesRule = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object' }],
    messages: { owned: "'{{pkg}}' is used through {{owner}} only{{why}}" },
  },
  create(context) {
    const { owners = {} } = context.options[0] ?? {};
    const file = context.filename;
    const from = projectOf(file);
    return importSources(context, (node, source, typeOnly) => {
      if (typeOnly || source.startsWith('.')) return;
      const rule = owners[packageName(source)];
      if (
        !rule ||
        rule.owners.includes(from.name) ||
        (rule.tests && isTestFile(file) && rule.tests.includes(from.name))
      )
        return;
      context.report({
        node,
        messageId: 'owned',
        data: { pkg: packageName(source), owner: rule.owners.join(', '), why: rule.why ? `: ${rule.why}` : '' },
      });
    });
  },
};

export default { rules: { projects: projectsRule, packages: packagesRule } };
