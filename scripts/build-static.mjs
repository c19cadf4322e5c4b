#!/usr/bin/env node
// Copies the front-end packages the app needs from node_modules into src/naober/static/vendor/
// (git-ignored build output), so pages load them from our own origin: no CDN at run time.
// Run with `npm run build` after `npm ci`. Fails loudly when a source file is missing, for instance after
// a package upgrade that moved it.

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");
const vendor = join(root, "src", "naober", "static", "vendor");

// [package, file inside the package, destination inside vendor/]
const FILES = [
  // NL Design System components (the Utrecht component library), one bundle.
  ["@utrecht/component-library-css", "dist/index.css", "nlds/components.css"],
  ["@utrecht/component-library-css", "LICENSE.md", "nlds/LICENSE-component-library-css.md"],
  // Design tokens: the NL Design System example theme (EUPL-1.2), CSS custom properties scoped to the
  // `voorbeeld-theme` class on <body>. (Utrecht's own tokens are proprietary and may not be redistributed.)
  ["@nl-design-system-unstable/voorbeeld-design-tokens", "dist/theme.css", "nlds/tokens.css"],
  ["@nl-design-system-unstable/voorbeeld-design-tokens", "LICENSE.md", "nlds/LICENSE-design-tokens.md"],
  ["htmx.org", "dist/htmx.min.js", "htmx/htmx.min.js"],
  ["htmx.org", "LICENSE", "htmx/LICENSE"],
];

function fail(message) {
  console.error(`build-static: ${message}`);
  process.exit(1);
}

function installedVersion(pkg) {
  const manifest = join(modules, pkg, "package.json");
  if (!existsSync(manifest)) {
    fail(`${pkg} is not installed (${relative(root, manifest)} missing); run \`npm ci\` first.`);
  }
  return JSON.parse(readFileSync(manifest, "utf8")).version;
}

const missing = FILES.map(([pkg, file]) => join(modules, pkg, file)).filter(
  (path) => !existsSync(path) || !statSync(path).isFile() || statSync(path).size === 0,
);
for (const [pkg] of FILES) installedVersion(pkg);
if (missing.length > 0) {
  fail(`source file(s) missing or empty:\n  ${missing.map((p) => relative(root, p)).join("\n  ")}`);
}

// Start clean so a file dropped from FILES does not linger in vendor/.
rmSync(vendor, { recursive: true, force: true });
for (const [pkg, file, target] of FILES) {
  const destination = join(vendor, target);
  mkdirSync(dirname(destination), { recursive: true });
  copyFileSync(join(modules, pkg, file), destination);
  console.log(`${pkg}@${installedVersion(pkg)} ${file} -> ${relative(root, destination)}`);
}
