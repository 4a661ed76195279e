import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CANONICAL_STATUSES } from "../domain/order-status.ts";
import { isPonteError } from "../errors.ts";
import { defaultTemplate } from "./default-templates.ts";
import { renderEmail, validateTemplate } from "./render.ts";
import { classifySendError } from "./transport.ts";
import { sampleVariables } from "./variables.ts";

const hostile = () => {
  const v = sampleVariables("despachado");
  v.customer.name = '<script>alert("x")</script> Ana & Cia';
  v.message = "Chega amanhã.\n<b>Obrigado</b>";
  v.order.items[0]!.name = '<img src=x onerror="alert(1)">';
  return v;
};

/** The error a call threw, for assertions on its code and details. */
async function failure(work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    assert.ok(isPonteError(error), String(error));
    return error;
  }
  assert.fail("expected a template_invalid error");
}

describe("customer e-mail rendering", () => {
  it("every status has a pt-BR default that renders: subject with the store's order number, amounts in R$, masked CPF", async () => {
    for (const status of CANONICAL_STATUSES) {
      const rendered = await renderEmail(defaultTemplate(status), sampleVariables(status));
      assert.match(rendered.subject, /^Pedido #2045: \S/, status);
      assert.doesNotMatch(rendered.subject, /[\n{}]/);
      for (const part of [rendered.html, rendered.text]) {
        assert.match(part, /Olá, Maria da Silva!/, status);
        assert.match(part, /Total:?\s*(<[^>]+>)*R\$\u00a0168,80/, status);
        assert.match(part, /\*\*\*\.456\.789-\*\*/, status);
        assert.doesNotMatch(part, /\{\{|\{%/, `${status}: no Liquid left over`);
      }
    }
    assert.equal(defaultTemplate("pagamento_confirmado").notifyByDefault, true);
    assert.equal(defaultTemplate("em_preparacao").notifyByDefault, false);
  });

  it("tracking shows where the order ships, and not on a payment e-mail", async () => {
    const shipped = await renderEmail(defaultTemplate("despachado"), sampleVariables("despachado"));
    assert.match(shipped.text, /Código de rastreio: AA123456785BR/);
    assert.match(shipped.html, /href="https:\/\/rastreamento\.correios\.com\.br\/app\/index\.php"/);
    const paid = await renderEmail(
      defaultTemplate("pagamento_confirmado"),
      sampleVariables("pagamento_confirmado"),
    );
    assert.doesNotMatch(paid.text, /rastreio/);
    const noShipment = { ...sampleVariables("despachado"), shipment: null };
    assert.doesNotMatch(
      (await renderEmail(defaultTemplate("despachado"), noShipment)).text,
      /Transportadora/,
    );
  });

  it("HTML escapes every piece of order data and the operator's message; the text part keeps them as typed", async () => {
    const rendered = await renderEmail(defaultTemplate("despachado"), hostile());
    assert.doesNotMatch(rendered.html, /<script|<img|<b>/);
    assert.match(rendered.html, /&lt;script&gt;alert\(&#34;x&#34;\)&lt;\/script&gt; Ana &amp; Cia/);
    assert.match(rendered.html, /&lt;img src=x onerror=&#34;alert\(1\)&#34;&gt;/);
    assert.match(rendered.html, /Chega amanhã\.<br \/>\n&lt;b&gt;Obrigado&lt;\/b&gt;/, "line breaks kept");
    assert.match(rendered.text, /Olá, <script>alert\("x"\)<\/script> Ana & Cia!/);
    assert.match(rendered.text, /Chega amanhã\.\n<b>Obrigado<\/b>/);
  });

  it("the subject is one line even when the data has line breaks", async () => {
    const v = sampleVariables("entregue");
    v.store.name = "Loja\r\nBcc: x@example.com";
    const rendered = await renderEmail({ subject: "{{ store.name }}", html: "x", text: "x" }, v);
    assert.equal(rendered.subject, "Loja Bcc: x@example.com");
  });

  it("a template that does not parse or uses an unknown filter is refused naming its field", async () => {
    const base = defaultTemplate("entregue");
    const cases = [
      { field: "html", template: { ...base, html: "<p>{% if order.total %}sem fim</p>" } },
      { field: "subject", template: { ...base, subject: "Pedido {{ order.number | maiusculas }}" } },
      { field: "text", template: { ...base, text: "Olá {{ customer.name " } },
    ] as const;
    for (const { field, template } of cases) {
      const error = await failure(() => validateTemplate(template, sampleVariables("entregue")));
      assert.equal(error.code, "template_invalid");
      assert.equal(error.status, 400);
      assert.equal(error.details?.field, field);
      assert.match(String(error.details?.reason), /^Modelo inválido no campo /);
    }
    const empty = await failure(() =>
      validateTemplate({ ...base, subject: "{{ nada }}" }, sampleVariables("entregue")),
    );
    assert.equal(empty.details?.field, "subject");
  });

  it("templates cannot read files from the server", async () => {
    for (const tag of ["{% include '/etc/passwd' %}", "{% render 'package.json' %}", "{% layout 'x' %}"]) {
      const error = await failure(() =>
        validateTemplate({ subject: "x", html: tag, text: "x" }, sampleVariables("entregue")),
      );
      assert.equal(error.details?.field, "html", tag);
    }
  });
});

describe("SMTP errors", () => {
  it("5xx is final, except a refused login; 4xx and connection errors are retried", () => {
    const smtp = (responseCode: number, code = "EENVELOPE") =>
      Object.assign(new Error("refused"), { code, responseCode, response: `${responseCode} refused` });
    assert.deepEqual(classifySendError(smtp(550)), { permanent: true, reason: "550 refused" });
    assert.equal(classifySendError(smtp(421, "EPROTOCOL")).permanent, false);
    assert.equal(classifySendError(smtp(451)).permanent, false);
    assert.equal(classifySendError(smtp(535, "EAUTH")).permanent, false);
    assert.equal(
      classifySendError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNECTION" })).permanent,
      false,
    );
    assert.equal(
      classifySendError(Object.assign(new Error("Timeout"), { code: "ETIMEDOUT" })).permanent,
      false,
    );
  });
});
