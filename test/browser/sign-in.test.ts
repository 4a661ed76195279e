// Sign-in in a real browser: the first-run form from localhost, sign-out ending the session,
// a wrong password told in pt-BR, and the panel closed to anyone not signed in.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import {
  ADMIN,
  launchBrowser,
  newPage,
  type PanelServer,
  screenshot,
  signIn,
  startPanelServer,
} from "../helpers/browser.ts";

let server: PanelServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startPanelServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("the first user is created on the first-run screen, then signs out and back in", async () => {
  const page = await newPage(browser, server.url);
  await page.goto("/");
  await page.getByRole("heading", { name: "Criar o primeiro usuário" }).waitFor();
  await screenshot(page, "first-run");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Senha").fill("curta");
  await page.getByRole("button", { name: "Criar usuário e entrar" }).click();
  // The browser's own validation or the API's answer: either way the user stays on the form.
  assert.equal(await page.getByRole("button", { name: "Sair" }).count(), 0);

  await page.getByLabel("Senha").fill(ADMIN.password);
  await page.getByRole("button", { name: "Criar usuário e entrar" }).click();
  await page.getByRole("button", { name: "Sair" }).waitFor();
  assert.ok(await page.getByText(ADMIN.email).isVisible());

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "ponte_session");
  assert.ok(session, "a session cookie is set");
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, "Lax");

  await page.getByRole("button", { name: "Sair" }).click();
  await page.getByRole("heading", { name: "Entrar no Ponte" }).waitFor();
  // The old cookie no longer opens the API: the session ended on the server.
  const reused = await fetch(`${server.url}/api/v1/stores`, {
    headers: { cookie: `ponte_session=${session.value}` },
  });
  assert.equal(reused.status, 401);

  await screenshot(page, "sign-in");
  await signIn(page);
  await page.context().close();
});

test("a wrong password is refused with a pt-BR message", async () => {
  const page = await newPage(browser, server.url);
  await page.goto("/");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Senha").fill("senha-errada-999");
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.getByRole("alert").filter({ hasText: "E-mail ou senha incorretos." }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Sair" }).count(), 0);
  await page.context().close();
});

test("without a session the API answers 401 and the panel shows the sign-in form", async () => {
  const response = await fetch(`${server.url}/api/v1/stores`);
  assert.equal(response.status, 401);
  const page = await newPage(browser, server.url);
  await page.goto("/pedidos");
  await page.getByRole("heading", { name: "Entrar no Ponte" }).waitFor();
  await page.context().close();
});

test("after too many wrong passwords the sign-in form says how long to wait, in pt-BR", async () => {
  const page = await newPage(browser, server.url);
  await page.goto("/");
  await page.getByLabel("E-mail").fill("quem@loja.com.br");
  const submit = async (password: string) => {
    await page.getByLabel("Senha").fill(password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/login")),
      page.getByRole("button", { name: "Entrar" }).click(),
    ]);
    return response.status();
  };
  for (let i = 0; i < 5; i++) assert.equal(await submit(`palpite-errado-${i}`), 401);
  assert.equal(await submit("mais-um-palpite"), 429);
  await page
    .getByRole("alert")
    .filter({ hasText: /Muitas senhas erradas para este e-mail.*Tente de novo em \d+ segundos/ })
    .waitFor();
  await page.context().close();
});
