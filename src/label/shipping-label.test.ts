import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readCode128 } from "../../test/helpers/code128-read.ts";
import { barWidths, readPdf } from "../../test/helpers/pdf-read.ts";
import { type LabelData, renderShippingLabel } from "./shipping-label.ts";

const data: LabelData = {
  sender: {
    name: "Loja Exemplo Ltda",
    street: "Rua das Flores",
    number: "100",
    complement: null,
    neighborhood: "Centro",
    city: "Curitiba",
    state: "PR",
    zipcode: "80010000",
    document: "11.222.333/0001-81",
  },
  recipient: {
    name: "Conceição Araújo",
    street: "Avenida Paulista",
    number: "1578",
    complement: "Apto 42",
    neighborhood: "Bela Vista",
    city: "São Paulo",
    state: "SP",
    zipcode: "01310200",
  },
  orderNumber: 1042,
  storeOrderNumber: "5678",
  // 01:30 on the 2nd in UTC is still the 1st in São Paulo.
  orderedAt: new Date("2026-11-02T01:30:00Z"),
  storeName: "Loja Centro",
  carrier: "Correios",
  service: "SEDEX",
  invoice: { number: "1234", series: "1", accessKey: "35261112345678000195550010000012341000012348" },
  trackingCode: "JT194690698BR",
  trackingUrl: null,
};

describe("shipping label PDF", () => {
  it("is one 10 × 15 cm page with recipient, CEP, order numbers and sender", async () => {
    const bytes = await renderShippingLabel(data);
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), "%PDF-");
    const pages = await readPdf(bytes);
    assert.equal(pages.length, 1);
    const page = pages[0]!;
    assert.equal(page.width.toFixed(2), "283.46");
    assert.equal(page.height.toFixed(2), "425.20");
    for (const text of [
      "DESTINATÁRIO",
      "Conceição Araújo",
      "Avenida Paulista, 1578 - Apto 42",
      "São Paulo / SP",
      "CEP 01310-200",
      "Pedido Ponte nº 1042",
      "Pedido da loja nº 5678 (Loja Centro)",
      "Data do pedido: 01/11/2026",
      "REMETENTE",
      "Loja Exemplo Ltda",
      "CEP 80010-000",
      "JT194690698BR",
      "Serviço: SEDEX",
      "NF-e nº 1234 série 1",
    ]) {
      assert.ok(page.texts.includes(text), `${text} in ${JSON.stringify(page.texts)}`);
    }
  });

  it("draws the tracking code as a Code 128 barcode a scanner reads back, inside the page", async () => {
    const page = (await readPdf(await renderShippingLabel(data)))[0]!;
    const bars = page.rects.filter((r) => r.h > 40);
    assert.equal(readCode128(barWidths(bars)), "JT194690698BR");
    const left = Math.min(...bars.map((b) => b.x));
    const right = Math.max(...bars.map((b) => b.x + b.w));
    const module = Math.min(...bars.map((b) => b.w));
    assert.ok(left >= 10 * module && right <= page.width - 10 * module, "quiet zones of 10 modules");
  });

  it("bars the recipient's CEP below the address, shorter than the tracking code's bars", async () => {
    const page = (await readPdf(await renderShippingLabel(data)))[0]!;
    const cepBars = page.rects.filter((r) => r.h > 20 && r.h < 40);
    assert.equal(readCode128(barWidths(cepBars)), "01310200");
    const tracking = page.rects.filter((r) => r.h > 40);
    assert.ok(
      Math.max(...cepBars.map((b) => b.y + b.h)) < Math.min(...tracking.map((b) => b.y)),
      "below the tracking code",
    );
    assert.ok(Math.min(...cepBars.map((b) => b.y)) > 100, "well above the sender, inside the page");
  });

  it("without an invoice, says a declaração de conteúdo goes with the parcel", async () => {
    const page = (await readPdf(await renderShippingLabel({ ...data, invoice: null })))[0]!;
    assert.ok(
      page.texts.includes("Sem nota fiscal: acompanha declaração de conteúdo"),
      JSON.stringify(page.texts),
    );
    const simple = (
      await readPdf(
        await renderShippingLabel({ ...data, invoice: { number: "77", series: null, accessKey: null } }),
      )
    )[0]!;
    assert.ok(simple.texts.includes("Venda sem NF-e nº 77: acompanha declaração de conteúdo"));
  });

  it("without a tracking code, bars the order number and says so; odd characters do not break it", async () => {
    const bytes = await renderShippingLabel({
      ...data,
      trackingCode: null,
      trackingUrl: "https://rastreio.example/abc",
      recipient: { ...data.recipient, name: "Zoë 🚚 Ștefan" },
    });
    const page = (await readPdf(bytes))[0]!;
    assert.equal(readCode128(barWidths(page.rects.filter((r) => r.h > 40))), "1042");
    assert.ok(page.texts.includes("Pedido 1042 - sem código de rastreio"));
    assert.ok(page.texts.includes("Rastreio: https://rastreio.example/abc"));
    assert.ok(page.texts.includes("Zoë ? Stefan"), JSON.stringify(page.texts));
  });
});
