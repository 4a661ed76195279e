import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatPhoneBr, paymentTypeLabel, stateCode } from "./pt-br-labels.ts";

describe("pt-BR labels", () => {
  it("payments read as a person says them, with the installments", () => {
    assert.equal(paymentTypeLabel("pix"), "Pix");
    assert.equal(paymentTypeLabel("cartao_credito", 3), "Cartão de crédito em 3x");
    assert.equal(paymentTypeLabel("cartao_credito", 1), "Cartão de crédito");
    assert.equal(paymentTypeLabel("boleto"), "Boleto");
    assert.equal(paymentTypeLabel("crediario_da_loja"), "crediario_da_loja", "an unknown type as received");
    assert.equal(paymentTypeLabel(null), "—");
  });

  it("phones get the area code in parentheses and the dash, whatever they came dressed in", () => {
    assert.equal(formatPhoneBr("11912345678"), "(11) 91234-5678");
    assert.equal(formatPhoneBr("+55 11 91234-5678"), "(11) 91234-5678");
    assert.equal(formatPhoneBr("5511912345678"), "(11) 91234-5678");
    assert.equal(formatPhoneBr("(11) 3456-7890"), "(11) 3456-7890");
    assert.equal(formatPhoneBr("011 3456 7890"), "(11) 3456-7890");
    assert.equal(formatPhoneBr("+1 415 555 0100"), "+1 415 555 0100", "a foreign number as received");
    assert.equal(formatPhoneBr("1234"), "1234");
    assert.equal(formatPhoneBr("11812345678"), "11812345678", "11 digits must be a mobile (9…)");
    assert.equal(formatPhoneBr(""), "—");
  });

  it("states are the two-letter code", () => {
    assert.equal(stateCode("SP"), "SP");
    assert.equal(stateCode("sp"), "SP");
    assert.equal(stateCode("São Paulo"), "SP");
    assert.equal(stateCode("SAO PAULO"), "SP");
    assert.equal(stateCode("Mato Grosso do Sul"), "MS");
    assert.equal(stateCode("BR-RJ"), "RJ");
    assert.equal(stateCode("Pará"), "PA");
    assert.equal(stateCode("Buenos Aires"), "Buenos Aires", "not a Brazilian state: as received");
    assert.equal(stateCode(null), "");
  });
});
