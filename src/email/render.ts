// Customer e-mail rendering with Liquid. Two engines: the HTML one escapes every output ({{ }})
// automatically, so an order's data (a name with markup, the operator's message) can never
// become markup; the text one (subject and plain-text part) escapes nothing. Templates are
// edited by operators, so the engines read no files and have time and size limits.
import { Liquid, type Template } from "liquidjs";
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

/** 400 naming the field, with Liquid's reason (line and column) and a pt-BR sentence for the panel. */
export function templateInvalid(field: TemplateField, error: unknown): PonteError {
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
  return new PonteError("template_invalid", `the ${field} template is invalid: ${reason}`, {
    status: 400,
    details: {
      field,
      fields: [{ path: `/${field}`, message: reason }],
      reason: `Modelo inválido no campo ${FIELD_PT[field]}: ${reason}`,
    },
  });
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
  try {
    return String(await engineFor(field).render(templates, variables));
  } catch (error) {
    throw templateInvalid(field, error);
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
