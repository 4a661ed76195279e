// `npm run gen:api`: writes the panel's API types (web/src/api/schema.d.ts) from the OpenAPI
// document the server itself serves (the routes' JSON schemas, through @fastify/swagger).
// The app is built without listening and without a database. A test compares the committed
// file with a fresh generation, so a route schema changed without regenerating fails CI.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { loadConfig } from "../src/config.ts";
import { createContext } from "../src/context.ts";
import { createDb } from "../src/db/db.ts";
import { buildApp } from "../src/http/app.ts";
import { createLogger } from "../src/logger.ts";

export const API_TYPES_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../web/src/api/schema.d.ts",
);

const HEADER = `// GENERATED FILE: do not edit. The panel's API types, from the OpenAPI document of the
// routes' JSON schemas (GET /api/openapi.json). Change a route's schema, then run
// \`npm run gen:api\` and commit this file (a test fails while it is stale).
`;

/** The OpenAPI document, as GET /api/openapi.json serves it. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const logger = createLogger({ logLevel: "silent", logPretty: false });
  // Never connected: building the routes reads no data.
  const db = createDb({ connectionString: "postgres://unused@127.0.0.1:1/unused", max: 1, logger });
  const ctx = createContext(loadConfig({}), db, logger, crypto.randomBytes(32));
  // A fixed version: the file must not change with each release.
  const app = await buildApp({ ctx, version: "0.0.0" });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await db.close();
  }
}

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(structuredClone(await openApiDocument()) as never, {
    alphabetize: true,
  });
  return HEADER + astToString(ast);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await fs.mkdir(path.dirname(API_TYPES_FILE), { recursive: true });
  await fs.writeFile(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}
