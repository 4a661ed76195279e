import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nuvemshop } from "./index.ts";

describe("Nuvemshop defaults", () => {
  it("pushes: pay a confirmed deposit, pack, fulfill, close after delivery, cancel, NF-e; nothing for problems", () => {
    const push = nuvemshop.defaults.push;
    assert.deepEqual(push.pagamento_confirmado, ["pay"]);
    assert.deepEqual(push.em_preparacao, ["pack"]);
    assert.deepEqual(push.despachado, ["fulfill"]);
    assert.deepEqual(push.entregue, ["close"]);
    assert.deepEqual(push.cancelado, ["cancel"]);
    assert.deepEqual(push.faturado, ["invoice"]);
    assert.deepEqual(push.aguardando_pagamento, []);
    assert.deepEqual(push.problemas, []);
  });

  it("every value of the status table is one the panel suggests, with its pt-BR label", () => {
    const known = new Set(nuvemshop.statusValues.map((v) => v.value));
    for (const row of nuvemshop.defaults.status) for (const v of row.values) assert.ok(known.has(v), v);
    assert.equal(nuvemshop.statusValues.find((v) => v.value === "paid")?.label, "Pago");
  });
});
