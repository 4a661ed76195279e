import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleanPayload } from "./clean-text.ts";

describe("cleanPayload", () => {
  it("leaves a clean payload alone, emoji and accents included (same object)", () => {
    const order = { customer: { name: "João 🌽 Ção" }, note: "linha\\u0000 escrita com barra" };
    const cleaned = cleanPayload(order);
    assert.equal(cleaned.value, order);
    assert.deepEqual(cleaned.fields, []);
  });

  it("removes U+0000 and replaces lone surrogates, in values and keys, and says where", () => {
    const order = {
      customer: { name: "Ana\u0000 Souza" },
      products: [{ name: "ok" }, { name: "Semente\u0000\u0000 de milho" }],
      note: "a \ud800 b \udc00 c 😀",
      extra: { "ca\u0000mpo": 1 },
    };
    const cleaned = cleanPayload(order);
    assert.deepEqual(cleaned.value, {
      customer: { name: "Ana Souza" },
      products: [{ name: "ok" }, { name: "Semente de milho" }],
      note: "a \ufffd b \ufffd c 😀",
      extra: { campo: 1 },
    });
    assert.deepEqual(cleaned.fields, ["customer.name", "products[1].name", "note", "extra.campo"]);
    assert.equal(order.customer.name, "Ana\u0000 Souza", "the input is not changed");
  });
});
