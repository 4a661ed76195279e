// The one way the panel talks to Ponte: JSON over fetch with the session cookie. A failed
// request becomes an ApiError carrying the API's stable error code, shown in pt-BR.
import { errorMessage } from "./errors-pt.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The pt-BR sentence for the operator. */
  get userMessage(): string {
    return errorMessage(this);
  }
}

type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Called when any request answers 401, so the app can show the sign-in screen. */
let onUnauthenticated: () => void = () => undefined;
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

/** The organisation this tab shows, sent with each request: a switch made in another tab is noticed. */
let tabOrganization: number | undefined;
export function setTabOrganization(id: number | undefined) {
  tabOrganization = id;
}
/** Called when the session works in another organisation than this tab shows. */
let onOrganizationChanged: () => void = () => undefined;
export function setOrganizationChangedHandler(handler: () => void) {
  onOrganizationChanged = handler;
}

export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers: {
        ...(options.body === undefined
          ? { accept: "application/json" }
          : { "content-type": "application/json" }),
        ...(tabOrganization === undefined ? {} : { "x-ponte-org": String(tabOrganization) }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network_error", String(error), {});
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as { error?: Record<string, unknown> } | undefined)?.error ?? {};
    const { code, message, ...details } = error;
    if (response.status === 401 && !path.startsWith("/api/v1/auth/")) onUnauthenticated();
    if (response.status === 409 && details.reasonCode === "organization_changed") onOrganizationChanged();
    throw new ApiError(
      response.status,
      typeof code === "string" ? code : `http_${response.status}`,
      typeof message === "string" ? message : response.statusText,
      details,
    );
  }
  return body as T;
}
