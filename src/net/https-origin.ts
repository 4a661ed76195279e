// Ponte's public address as platforms must call it: the origin of an https URL, or null. Platforms
// refuse anything else for webhooks and key deliveries, and plain http would carry them in the clear.

/** The origin of `value` when it is an https URL; null otherwise (unset, invalid, http). */
export function httpsOrigin(value: unknown): string | null {
  if (typeof value !== "string" || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === "https:" ? url.origin : null;
}
