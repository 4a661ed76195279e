// Signed-in browsers for app.inject tests: users made as `ponte user create` makes them, signed
// in through the login route, each sign-in its own session (its own Cookie header).
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/auth/roles.ts";
import { createUser } from "../../src/auth/users.ts";
import type { Db } from "../../src/db/db.ts";

export interface TestUser {
  email: string;
  password: string;
  /** Admin unless said. */
  role?: Role;
}

/** inject() sends Host: localhost:80, so this is the panel's own origin. */
export const PANEL_ORIGIN = { origin: "http://localhost" };

/** Creates the user (as the CLI does); an existing one is kept. */
export async function ensureUser(db: Db, user: TestUser): Promise<void> {
  await createUser(db, 1, { role: "admin", ...user }).catch((error: { code?: string }) => {
    if (error.code !== "conflict") throw error;
  });
}

/** Signs `user` in from the panel's origin and returns the Cookie header of that new session. */
export async function signInCookie(app: FastifyInstance, user: TestUser): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: PANEL_ORIGIN,
    payload: { email: user.email, password: user.password },
  });
  assert.equal(res.statusCode, 200, `sign-in answered ${res.statusCode}: ${res.body}`);
  const header = res.headers["set-cookie"];
  const value = Array.isArray(header) ? header[0] : header;
  assert.ok(value, "a session cookie");
  return value.split(";")[0]!;
}
