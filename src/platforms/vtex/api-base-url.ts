// VTEX's API lives on the account's own host (platforms README §4.1): the account name typed at
// connection picks it, nobody types a URL. The template is the module's defaultApiBaseUrl.
export const VTEX_API_BASE_URL_TEMPLATE = "https://{account}.vtexcommercestable.com.br";

/** The store id's shape: a VTEX account name (lower-case letters, digits, hyphens). */
export const ACCOUNT_NAME_PATTERN = "^[a-z0-9][a-z0-9-]{0,62}$";

/** `https://{account}.vtexcommercestable.com.br` for a valid account name; throws otherwise. */
export function vtexApiBaseUrlFor(account: string): string {
  const name = account.trim();
  if (!new RegExp(ACCOUNT_NAME_PATTERN).test(name))
    throw new Error(`"${account}" is not a VTEX account name`);
  return VTEX_API_BASE_URL_TEMPLATE.replace("{account}", name);
}
