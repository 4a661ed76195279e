// Customer e-mail rendering with Liquid. Two engines: the HTML one escapes every output ({{ }})
// automatically, so an order's data (a name with markup, the operator's message) can never
// become markup; the text one (subject and plain-text part) escapes nothing. Templates are
// edited by operators, so the engines read no files and have time, memory and output limits: a
// loop can make a few bytes of template into megabytes of e-mail, which is refused as it grows.
import { Context, type Emitter, Liquid, type Template, toPromise, toValue } from "liquidjs";
import { PonteError } from "../errors.ts";
import type { EmailTemplate } from "./default-templates.ts";
import type { EmailVariables } from "./variables.ts";

export type TemplateField = "subject" | "html" | "text";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const options = {
  // In-memory (empty) template map: {% include %}, {% render %} and {% layout %} find nothing,
  // so an edited template cannot read files from the server.
  templates: {},
  strictFilters: true, // a mistyped filter is refused when the template is saved
  ownPropertyOnly: true,
  timezoneOffset: "America/Sao_Paulo",
  locale: "pt-BR",
  parseLimit: 200_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
} as const;

const htmlEngine = new Liquid({ ...options, outputEscape: "escape" });
const textEngine = new Liquid(options);

const engineFor = (field: TemplateField) => (field === "html" ? htmlEngine : textEngine);

const FIELD_PT: Record<TemplateField, string> = { subject: "assunto", html: "HTML", text: "texto" };

/**
 * The most characters each part may render to. Gmail clips a message past about 100 KB; an order
 * with a few hundred items stays well under these. Past them a save or preview is refused and a
 * status change's e-mail falls back to the default template.
 */
export const OUTPUT_LIMITS: Readonly<Record<TemplateField, number>> = {
  subject: 1_000,
  html: 256_000,
  text: 256_000,
};

/** 400 naming the field, with Liquid's reason (line and column) and a pt-BR sentence for the panel. */
export function templateInvalid(field: TemplateField, error: unknown): PonteError {
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
  return new PonteError("template_invalid", `the ${field} template is invalid: ${reason}`, {
    details: {
      field,
      fields: [{ path: `/${field}`, message: reason }],
      reason: `Modelo inválido no campo ${FIELD_PT[field]}: ${reason}`,
    },
  });
}

/** 400 naming the field whose output passed its limit. */
export function templateTooLarge(field: TemplateField): PonteError {
  const limit = OUTPUT_LIMITS[field];
  const message = `renders more than ${limit} characters`;
  return new PonteError("template_invalid", `the ${field} template ${message}`, {
    details: {
      field,
      reasonCode: "output_too_large",
      limit,
      fields: [{ path: `/${field}`, message }],
      reason: `O campo ${FIELD_PT[field]} gera um e-mail grande demais: mais de ${limit.toLocaleString("pt-BR")} caracteres.`,
    },
  });
}

/** Liquid's own stringification of an output (its SimpleEmitter's). */
function asText(value: unknown): string {
  const v = toValue(value);
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(asText).join("");
  return String(v);
}

/** Collects the output and stops the render the moment it passes the limit. */
class BoundedEmitter implements Emitter {
  buffer = "";
  exceeded = false;
  constructor(private readonly limit: number) {}
  write(html: unknown): void {
    this.buffer += asText(html);
    if (this.buffer.length > this.limit) {
      this.exceeded = true;
      this.buffer = "";
      throw new Error("output limit reached");
    }
  }
}

function parse(field: TemplateField, source: string): Template[] {
  try {
    return engineFor(field).parse(source);
  } catch (error) {
    throw templateInvalid(field, error);
  }
}

async function renderField(field: TemplateField, source: string, variables: EmailVariables): Promise<string> {
  const templates = parse(field, source);
  const engine = engineFor(field);
  const emitter = new BoundedEmitter(OUTPUT_LIMITS[field]);
  try {
    const context = new Context(variables, engine.options, {}, { liquid: engine });
    await toPromise(engine.renderer.renderTemplates(templates, context, emitter));
    return emitter.buffer;
  } catch (error) {
    throw emitter.exceeded ? templateTooLarge(field) : templateInvalid(field, error);
  }
}

/** A subject is one header line: line breaks and runs of spaces fold into one space. */
const oneLine = (subject: string) => subject.replace(/\s+/g, " ").trim();

/** Renders the three parts; a template that does not parse or render throws template_invalid. */
export async function renderEmail(
  template: Pick<EmailTemplate, TemplateField>,
  variables: EmailVariables,
): Promise<RenderedEmail> {
  const [subject, html, text] = await Promise.all([
    renderField("subject", template.subject, variables),
    renderField("html", template.html, variables),
    renderField("text", template.text, variables),
  ]);
  return { subject: oneLine(subject), html, text: tidyText(text) };
}

/** Blank lines left by Liquid tags collapse to one; no trailing spaces. */
function tidyText(text: string): string {
  return `${text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** Checks a template before it is saved or previewed: it parses and renders on `sample`, and the subject is not empty. */
export async function validateTemplate(
  template: Pick<EmailTemplate, TemplateField>,
  sample: EmailVariables,
): Promise<RenderedEmail> {
  const rendered = await renderEmail(template, sample);
  if (!rendered.subject) throw templateInvalid("subject", new Error("the subject renders empty"));
  return rendered;
}
