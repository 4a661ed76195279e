// A platform is one folder (docs/ARCHITECTURE.md, "Platforms"): src/platforms/<id>/, its
// simulator src/simulators/<id>/ and one line in the registry. This test reads the source and
// fails when generic code reaches into a platform folder or names a platform, or when a
// platform folder reaches into the engine (stores/, sync/, http/…).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = path.join(ROOT, "src");

/** Every platform Ponte has or plans: none of these ids may be written in generic code. */
const PLATFORM_IDS = ["nuvemshop", "woocommerce", "shopify", "vtex"];

/** Generic code that may name platforms: the registry, the demo, the CLI, and migrations (history). */
const ALLOWED_NAMERS = [
  /^src\/platforms\/registry\.ts$/,
  /^src\/demo\.ts$/,
  /^src\/cli\//,
  /^src\/db\/migrations\//,
];

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "dist") found.push(...walk(full));
    } else if (/\.(ts|tsx|sql)$/.test(entry.name)) found.push(full);
  }
  return found;
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/**
 * The platform id whose folder (module or simulator) holds `relPath`, or null. The simulators'
 * shared parts (src/simulators/shared/: a seeded PRNG, fault scripts) belong to no platform.
 */
function platformFolderOf(relPath: string): string | null {
  const m = /^src\/(?:platforms|simulators)\/([^/]+)\//.exec(relPath);
  return m && !relPath.startsWith("src/simulators/shared/") ? m[1]! : null;
}

const isAllowedNamer = (relPath: string) =>
  platformFolderOf(relPath) !== null || ALLOWED_NAMERS.some((re) => re.test(relPath));

/** The files a module imports, resolved to repository paths (packages and node: builtins left out). */
function localImports({ file, text }: { file: string; text: string }): string[] {
  const specs = [
    ...text.matchAll(/\bfrom\s+["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
  ].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith(".")).map((s) => rel(path.resolve(path.dirname(file), s)));
}

// Each file read once, for every check below.
const sources = [...walk(SRC), ...walk(path.join(ROOT, "web/src"))].map((f) => ({
  file: f,
  path: rel(f),
  text: fs.readFileSync(f, "utf8"),
}));

describe("a platform is one folder", () => {
  it("only the registry, the demo and the CLI import a platform folder", () => {
    const offenders: string[] = [];
    for (const source of sources) {
      const p = source.path;
      if (ALLOWED_NAMERS.some((re) => re.test(p))) continue;
      const own = platformFolderOf(p);
      for (const target of localImports(source)) {
        const into = platformFolderOf(target);
        if (into !== null && into !== own) offenders.push(`${p} imports ${target}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("a platform folder imports only domain/, net/, the logger, the shared port files and its own files", () => {
    const offenders: string[] = [];
    for (const source of sources) {
      const p = source.path;
      const m = /^src\/platforms\/([^/]+)\//.exec(p);
      if (!m) continue;
      const id = m[1]!;
      for (const target of localImports(source)) {
        const allowed =
          target.startsWith("src/domain/") ||
          target.startsWith("src/net/") ||
          target === "src/logger.ts" ||
          /^src\/platforms\/[^/]+\.ts$/.test(target) ||
          target.startsWith(`src/platforms/${id}/`) ||
          // Its tests run against its own simulator.
          (p.endsWith(".test.ts") && target.startsWith(`src/simulators/${id}/`));
        if (!allowed) offenders.push(`${p} imports ${target}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("the shared port files do not reach into the engine either", () => {
    const offenders: string[] = [];
    for (const source of sources) {
      const p = source.path;
      if (!/^src\/platforms\/[^/]+\.ts$/.test(p) || p === "src/platforms/registry.ts") continue;
      for (const target of localImports(source)) {
        if (/^src\/(stores|sync|http|push|backoffice|jobs|email)\//.test(target))
          offenders.push(`${p} imports ${target}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("the simulators' shared parts import nothing of Ponte", () => {
    const offenders = sources
      .filter((s) => s.path.startsWith("src/simulators/shared/"))
      .flatMap((s) =>
        localImports(s)
          .filter((t) => !t.startsWith("src/simulators/shared/"))
          .map((t) => `${s.path} imports ${t}`),
      );
    assert.deepEqual(offenders, []);
  });

  it("src/ and web/src name no platform outside its folders, the registry, the demo and the CLI", () => {
    const idLiteral = new RegExp(`["'\`](${PLATFORM_IDS.join("|")})["'\`]`, "i");
    const offenders: string[] = [];
    for (const { text, path: p } of sources) {
      if (isAllowedNamer(p)) continue;
      text.split("\n").forEach((line, i) => {
        // The platform Ponte has is not named at all; the ones to come not as an id.
        if (/nuvemshop/i.test(line) || idLiteral.test(line)) offenders.push(`${p}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offenders, []);
  });
});
