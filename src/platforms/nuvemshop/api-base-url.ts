// Nuvemshop's API: the only host a Nuvemshop store's token is sent to (see platforms/api-base.ts).
// Apart from index.ts so the configuration can check PONTE_NUVEMSHOP_API_URL against it.
export const NUVEMSHOP_API_BASE_URL = "https://api.nuvemshop.com.br/v1";
