// JSON as PHP's json_encode writes it with WordPress's default flags (wp_json_encode): "/" escaped
// as "\/" and every non-ASCII character as \uXXXX (UTF-16, so an emoji is a surrogate pair). Both the
// REST answers and the webhook bodies are written this way, and a webhook's signature is made over
// these exact bytes (class-wc-webhook.php deliver(): 'body' => trim( wp_json_encode( $payload ) )),
// so a receiver must verify the raw body, never a re-serialized one.

export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, "\\/")
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
