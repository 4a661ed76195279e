// The Clientes form's checks and the search box's reading, without a database.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPonteError } from "../errors.ts";
import { phoneDigits, validateCustomerInput } from "./customer-input.ts";
import { parseCustomerSearch } from "./customer-list.ts";

const refusal = (input: Parameters<typeof validateCustomerInput>[0]) => {
  try {
    validateCustomerInput(input);
  } catch (error) {
    assert.ok(isPonteError(error));
    return error.details as { field: string; reasonCode: string; reason: string };
  }
  assert.fail("accepted");
};

describe("customer input", () => {
  it("reads Brazilian phones with or without +55, mask or trunk zero; refuses the rest", () => {
    assert.equal(phoneDigits("(11) 91234-5678"), "11912345678");
    assert.equal(phoneDigits("+55 11 91234-5678"), "11912345678");
    assert.equal(phoneDigits("011 3333-4444"), "1133334444");
    assert.equal(phoneDigits("21 3333 4444"), "2133334444");
    assert.equal(phoneDigits("(11) 81234-5678"), null, "a mobile number starts with 9");
    assert.equal(phoneDigits("(01) 3333-4444"), null, "no DDD below 11");
    assert.equal(phoneDigits("1234"), null);
    assert.equal(phoneDigits("11 9abc-5678"), null);
  });

  it("keeps the document normalized with its kind, text as typed, and clears empty contacts", () => {
    const valid = validateCustomerInput({
      name: "  Ação & Cia  ",
      document: "12.abc.345/01de-35",
      email: " compras@acao.example.com ",
      phone: "",
    });
    assert.deepEqual(valid, {
      name: "Ação & Cia",
      document: { value: "12ABC34501DE35", kind: "cnpj" },
      email: "compras@acao.example.com",
      phone: null,
    });
    assert.deepEqual(validateCustomerInput({}), {});
  });

  it("names the field at fault with a pt-BR reason", () => {
    assert.deepEqual(
      { ...refusal({ document: "529.982.247-24" }), reason: "" },
      {
        field: "document",
        reasonCode: "bad_check_digits",
        reason: "",
        fields: [{ path: "/document", message: "not a valid CPF/CNPJ (bad_check_digits)" }],
      },
    );
    assert.equal(refusal({ document: "***.982.247-**" }).reasonCode, "masked");
    assert.equal(refusal({ email: "nome@exemplo" }).field, "email");
    assert.equal(refusal({ name: "   " }).field, "name");
    assert.match(refusal({ phone: "123" }).reason, /Telefone inválido/);
  });
});

describe("customer search", () => {
  it("reads a CPF/CNPJ (masked, alphanumeric), the start of one, an e-mail or a name", () => {
    assert.deepEqual(parseCustomerSearch("529.982.247-25"), { kind: "document", value: "52998224725" });
    assert.deepEqual(parseCustomerSearch("12.abc.345/01de-35"), {
      kind: "document",
      value: "12ABC34501DE35",
    });
    assert.deepEqual(parseCustomerSearch("529.982"), { kind: "documentPrefix", value: "529982" });
    assert.deepEqual(parseCustomerSearch("Maria@Example"), { kind: "email", value: "maria@example" });
    assert.deepEqual(parseCustomerSearch("Conceição"), { kind: "name", value: "Conceição" });
    assert.deepEqual(parseCustomerSearch("12"), { kind: "name", value: "12" });
    assert.equal(parseCustomerSearch("   "), null);
    assert.throws(() => parseCustomerSearch("a"), /at least 2/);
  });
});
