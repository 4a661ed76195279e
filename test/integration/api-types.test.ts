// The panel's API types are generated from the OpenAPI document (`npm run gen:api`); a route
// schema changed without regenerating them leaves the panel typed on an API that is gone.
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { describe, it } from "node:test";
import { API_TYPES_FILE, generateApiTypes } from "../../scripts/api-types.ts";

describe("the panel's generated API types", () => {
  it("match the OpenAPI document the server serves (else run `npm run gen:api`)", async () => {
    const committed = await fs.readFile(API_TYPES_FILE, "utf8");
    const fresh = await generateApiTypes();
    assert.ok(committed === fresh, "web/src/api/schema.d.ts is stale: run `npm run gen:api` and commit it");
    assert.match(fresh, /ReasonCode: "sync_failed" \|/, "the reasonCode list is in the document");
  });
});
