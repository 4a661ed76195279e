// The built-in pt-BR customer e-mail for each canonical status (R6.3): subject, HTML and text in
// Liquid (variables in variables.ts), and whether "Notificar cliente" starts ticked. A store
// overrides any of them (templates.ts); these apply where it did not.
import type { CanonicalStatus } from "../domain/order-status.ts";

export interface EmailTemplate {
  subject: string;
  html: string;
  text: string;
  notifyByDefault: boolean;
}

interface StatusCopy {
  /** After "Pedido {number}": what happened, for the subject line. */
  subject: string;
  headline: string;
  /** One or two sentences for the customer; plain text, no Liquid output tags needed. */
  intro: string;
  notifyByDefault: boolean;
  showTracking?: boolean;
  showInvoice?: boolean;
}

const COPY: Record<CanonicalStatus, StatusCopy> = {
  aguardando_pagamento: {
    subject: "recebido, aguardando pagamento",
    headline: "Recebemos o seu pedido",
    intro: "Recebemos o seu pedido e estamos aguardando a confirmação do pagamento.",
    notifyByDefault: false,
  },
  pagamento_confirmado: {
    subject: "pagamento confirmado",
    headline: "Pagamento confirmado",
    intro: "O pagamento do seu pedido foi confirmado. Agora vamos preparar tudo para o envio.",
    notifyByDefault: true,
  },
  em_preparacao: {
    subject: "em preparação",
    headline: "Seu pedido está em preparação",
    intro: "Estamos separando e embalando os produtos do seu pedido.",
    notifyByDefault: false,
    showInvoice: true,
  },
  // A store pickup is "despachado" when it is ready at the store, "entregue" when collected.
  despachado: {
    subject: "{% if order.pickup %}pronto para retirada{% else %}despachado{% endif %}",
    headline:
      "{% if order.pickup %}Seu pedido está pronto para retirada{% else %}Seu pedido foi despachado{% endif %}",
    intro:
      "{% if order.pickup %}Seu pedido está separado e pronto para ser retirado na loja.{% else %}Seu pedido saiu para entrega. Acompanhe o envio pelo rastreamento abaixo.{% endif %}",
    notifyByDefault: true,
    showTracking: true,
    showInvoice: true,
  },
  embarcado: {
    subject: "a caminho",
    headline: "Seu pedido está a caminho",
    intro: "Seu pedido está com a transportadora, a caminho do endereço de entrega.",
    notifyByDefault: false,
    showTracking: true,
  },
  entregue: {
    subject: "{% if order.pickup %}retirado{% else %}entregue{% endif %}",
    headline: "{% if order.pickup %}Seu pedido foi retirado{% else %}Seu pedido foi entregue{% endif %}",
    intro:
      "{% if order.pickup %}Seu pedido foi retirado na loja.{% else %}Seu pedido foi entregue.{% endif %} Esperamos que você goste! Obrigado por comprar com a gente.",
    notifyByDefault: true,
  },
  cancelado: {
    subject: "cancelado",
    headline: "Seu pedido foi cancelado",
    intro:
      "Seu pedido foi cancelado. Se o pagamento já tiver sido feito, o valor será estornado pela mesma forma de pagamento.",
    notifyByDefault: true,
  },
  problemas: {
    subject: "precisamos falar com você",
    headline: "Uma atualização sobre o seu pedido",
    intro: "Encontramos um problema com o seu pedido e entraremos em contato para resolvê-lo o quanto antes.",
    notifyByDefault: false,
  },
};

const NUMBER = "{{ order.store_number | default: order.number }}";

// The operator's message is escaped first, then its line breaks become <br>: `raw` at the end
// stops the automatic escape from escaping the <br> tags a second time.
const HTML_MESSAGE = `{% if message %}
      <p style="margin:16px 0;padding:12px 16px;background:#f4f6f8;border-left:4px solid #1f6feb">{{ message | escape | newline_to_br | raw }}</p>
      {% endif %}`;

const HTML_TRACKING = `{% if shipment and order.pickup != true %}
      <h2 style="font-size:16px;margin:24px 0 8px">Rastreamento</h2>
      <p style="margin:0">Transportadora: {{ shipment.carrier }}{% if shipment.tracking_code %}<br>Código de rastreio: <strong>{{ shipment.tracking_code }}</strong>{% endif %}</p>
      {% if shipment.tracking_url %}<p style="margin:8px 0 0"><a href="{{ shipment.tracking_url }}" style="color:#1f6feb">Acompanhar a entrega</a></p>{% endif %}
      {% endif %}`;

const HTML_INVOICE = `{% if invoice.key %}
      <p style="margin:16px 0 0;font-size:13px;color:#555">Nota fiscal {{ invoice.number }} — chave de acesso: {{ invoice.key }}</p>
      {% endif %}`;

function html(copy: StatusCopy): string {
  return `<!doctype html>
<html lang="pt-BR">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{ store.name }}</title></head>
  <body style="margin:0;padding:0;background:#ffffff;color:#1f2328;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5">
    <div style="max-width:600px;margin:0 auto;padding:24px 16px">
      <p style="margin:0 0 16px;font-size:13px;color:#555">{{ store.name }}</p>
      <h1 style="font-size:20px;margin:0 0 16px">${copy.headline}</h1>
      <p style="margin:0 0 8px">Olá, {{ customer.name | default: "cliente" }}!</p>
      <p style="margin:0 0 8px">${copy.intro}</p>
      ${HTML_MESSAGE}
      <p style="margin:16px 0 8px">Pedido <strong>${NUMBER}</strong>, feito em {{ order.date }} — status: <strong>{{ order.status }}</strong></p>
      ${copy.showTracking ? HTML_TRACKING : ""}
      <table style="width:100%;border-collapse:collapse;margin:16px 0;font-size:14px">
        <thead><tr><th align="left" style="border-bottom:1px solid #d0d7de;padding:6px 0">Produto</th><th align="right" style="border-bottom:1px solid #d0d7de;padding:6px 0">Qtd.</th><th align="right" style="border-bottom:1px solid #d0d7de;padding:6px 0">Total</th></tr></thead>
        <tbody>
          {% for item in order.items %}<tr><td style="padding:6px 0">{{ item.name }}{% if item.variant %} ({{ item.variant }}){% endif %}</td><td align="right" style="padding:6px 0">{{ item.quantity }}</td><td align="right" style="padding:6px 0">{{ item.total }}</td></tr>
          {% endfor %}
        </tbody>
        <tfoot>
          <tr><td colspan="2" align="right" style="padding:2px 0">Subtotal</td><td align="right" style="padding:2px 0">{{ order.subtotal }}</td></tr>
          {% if order.discount_cents > 0 %}<tr><td colspan="2" align="right" style="padding:2px 0">Desconto</td><td align="right" style="padding:2px 0">-{{ order.discount }}</td></tr>{% endif %}
          <tr><td colspan="2" align="right" style="padding:2px 0">Frete</td><td align="right" style="padding:2px 0">{{ order.shipping }}</td></tr>
          <tr><td colspan="2" align="right" style="padding:6px 0;font-weight:bold">Total</td><td align="right" style="padding:6px 0;font-weight:bold">{{ order.total }}</td></tr>
        </tfoot>
      </table>
      ${copy.showInvoice ? HTML_INVOICE : ""}
      {% if customer.document %}<p style="margin:16px 0 0;font-size:13px;color:#555">CPF/CNPJ: {{ customer.document }}</p>{% endif %}
      <p style="margin:24px 0 0;font-size:13px;color:#555">Este e-mail foi enviado por {{ store.name }} sobre o pedido ${NUMBER}. Em caso de dúvida, responda a esta mensagem.</p>
    </div>
  </body>
</html>
`;
}

function text(copy: StatusCopy): string {
  const tracking = copy.showTracking
    ? `{% if shipment and order.pickup != true %}
Transportadora: {{ shipment.carrier }}{% if shipment.tracking_code %}
Código de rastreio: {{ shipment.tracking_code }}{% endif %}{% if shipment.tracking_url %}
Acompanhe a entrega: {{ shipment.tracking_url }}{% endif %}
{% endif %}`
    : "";
  const invoice = copy.showInvoice
    ? `{% if invoice.key %}
Nota fiscal {{ invoice.number }} — chave de acesso: {{ invoice.key }}
{% endif %}`
    : "";
  return `Olá, {{ customer.name | default: "cliente" }}!

${copy.intro}
{% if message %}
{{ message }}
{% endif %}
Pedido ${NUMBER}, feito em {{ order.date }} — status: {{ order.status }}
${tracking}
{% for item in order.items %}- {{ item.quantity }} x {{ item.name }}{% if item.variant %} ({{ item.variant }}){% endif %}: {{ item.total }}
{% endfor %}
Subtotal: {{ order.subtotal }}{% if order.discount_cents > 0 %}
Desconto: -{{ order.discount }}{% endif %}
Frete: {{ order.shipping }}
Total: {{ order.total }}
${invoice}{% if customer.document %}
CPF/CNPJ: {{ customer.document }}
{% endif %}
{{ store.name }}
`;
}

const templates = Object.fromEntries(
  (Object.keys(COPY) as CanonicalStatus[]).map((status) => {
    const copy = COPY[status];
    const template: EmailTemplate = {
      subject: `Pedido #${NUMBER}: ${copy.subject}`,
      html: html(copy),
      text: text(copy),
      notifyByDefault: copy.notifyByDefault,
    };
    return [status, Object.freeze(template)];
  }),
) as Record<CanonicalStatus, Readonly<EmailTemplate>>;

export function defaultTemplate(status: CanonicalStatus): Readonly<EmailTemplate> {
  return templates[status];
}
