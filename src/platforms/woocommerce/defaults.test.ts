import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PUSH_ACTIONS } from "../../domain/push-action.ts";
import { woocommerce } from "./index.ts";

describe("WooCommerce defaults", () => {
  const mapped = woocommerce.defaults.status.flatMap((row) => row.values);

  it("maps every core status once, and holds checkout drafts and the trash", () => {
    assert.equal(new Set(mapped).size, mapped.length, "no value in two rows");
    const known = woocommerce.statusValues.map((s) => s.value);
    for (const value of mapped) assert.ok(known.includes(value), `${value} is a WooCommerce status`);
    assert.ok(!mapped.includes("checkout-draft") && !mapped.includes("trash"));
    for (const core of ["pending", "on-hold", "processing", "completed", "cancelled", "refunded", "failed"])
      assert.ok(mapped.includes(core), `${core} is mapped`);
  });

  it("labels every status in pt-BR", () => {
    const labels = Object.fromEntries(woocommerce.statusValues.map((s) => [s.value, s.label]));
    assert.match(labels.processing!, /Processando/);
    assert.match(labels.failed!, /Malsucedido/);
    assert.match(labels["checkout-draft"]!, /Rascunho/);
  });

  it("pushes only what the module can do", () => {
    const can: Record<string, boolean> = {
      pay: woocommerce.capabilities.markPaid,
      invoice: woocommerce.capabilities.pushInvoice,
      pack: woocommerce.capabilities.pack,
      fulfill: woocommerce.capabilities.pushTracking,
      close: woocommerce.capabilities.close,
      cancel: woocommerce.capabilities.cancel,
    };
    for (const [trigger, actions] of Object.entries(woocommerce.defaults.push))
      for (const action of actions) {
        assert.ok(PUSH_ACTIONS.includes(action));
        assert.ok(can[action], `${trigger} pushes ${action}, which the capabilities allow`);
      }
  });

  it("takes a site address as the store id, and builds its API base from it", () => {
    const pattern = new RegExp(woocommerce.storeId.schema.pattern!);
    for (const ok of ["https://minhaloja.com.br", "https://exemplo.com.br/loja", "https://loja.example:8443"])
      assert.ok(pattern.test(ok), ok);
    for (const bad of [
      "http://minhaloja.com.br",
      "https://minhaloja.com.br/",
      "minhaloja.com.br",
      "https://Loja.com.br",
    ])
      assert.ok(!pattern.test(bad), bad);
    assert.equal(
      woocommerce.apiBaseUrlFor?.("https://exemplo.com.br/loja"),
      "https://exemplo.com.br/loja/wp-json/wc/v3",
    );
    assert.throws(() => woocommerce.apiBaseUrlFor?.("http://exemplo.com.br"));
  });
});
