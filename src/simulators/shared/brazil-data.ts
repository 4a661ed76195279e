// Static Brazilian material the simulators' seeded orders are drawn from (names, places, streets,
// complements). Accents, emoji and characters that need escaping (&, <, ') are on purpose: they
// catch encoding and escaping bugs downstream.

export const FIRST_NAMES = [
  "João",
  "Maria",
  "José",
  "Ana",
  "Antônio",
  "Francisca",
  "Luís",
  "Conceição",
  "Sebastião",
  "Lúcia",
  "Gonçalo",
  "Inês",
  "Zoë",
  "Cauã",
  "Thaís",
  "Ícaro",
  "Letícia",
  "Vitória",
  "Mônica",
  "Raí",
  "Luíza",
  "André",
  "Cecília",
  "Estêvão",
  "Ângela",
  "Heitor",
  "Júlia",
  "Benedito",
  "Íris",
  "Tânia",
];

export const LAST_NAMES = [
  "Conceição",
  "Silva",
  "Santos",
  "Araújo",
  "Gonçalves",
  "Peçanha",
  "Sá",
  "Brandão",
  "Guimarães",
  "Magalhães",
  "Simões",
  "Assunção",
  "Pereira",
  "Lima",
  "Ribeiro",
  "Falcão",
  "D'Ávila",
  "Martins",
  "Nóbrega",
  "Damásio",
  "Cortês",
  "Tavares",
  "Mendonça",
  "Albuquerque",
  "Prudêncio",
];

/** Names with emoji or odd spacing, used now and then. */
export const ODD_NAMES = [
  "Zoë 🌸 Martins",
  "Ana Lúcia ✨ Sá",
  "Dudu 🇧🇷 Peçanha",
  "Maria  da  Conceição",
  "JOSÉ DA SILVA",
];

export const COMPANIES = [
  "Ação & Cia Ltda",
  "Padaria Pão de Açúcar ME",
  "Café São Jorge Eireli",
  "Tecelagem Irmãos D'Ávila S.A.",
  "Comércio <Ôni> & Filhos Ltda",
  "Mercadinho Boa Esperança",
  "Açaí da Praça Ltda",
  "Ótica Visão Clara",
];

export interface City {
  city: string;
  uf: string;
  state: string;
  /** First digits of the CEP range. */
  cep: string;
  ddd: string;
}

export const CITIES: City[] = [
  { city: "São Paulo", uf: "SP", state: "São Paulo", cep: "01", ddd: "11" },
  { city: "São Paulo", uf: "SP", state: "São Paulo", cep: "04", ddd: "11" },
  { city: "Campinas", uf: "SP", state: "São Paulo", cep: "13", ddd: "19" },
  { city: "Santos", uf: "SP", state: "São Paulo", cep: "11", ddd: "13" },
  { city: "Rio de Janeiro", uf: "RJ", state: "Rio de Janeiro", cep: "22", ddd: "21" },
  { city: "Niterói", uf: "RJ", state: "Rio de Janeiro", cep: "24", ddd: "21" },
  { city: "Belo Horizonte", uf: "MG", state: "Minas Gerais", cep: "30", ddd: "31" },
  { city: "Uberlândia", uf: "MG", state: "Minas Gerais", cep: "38", ddd: "34" },
  { city: "Vitória", uf: "ES", state: "Espírito Santo", cep: "29", ddd: "27" },
  { city: "Porto Alegre", uf: "RS", state: "Rio Grande do Sul", cep: "90", ddd: "51" },
  { city: "Curitiba", uf: "PR", state: "Paraná", cep: "80", ddd: "41" },
  { city: "Florianópolis", uf: "SC", state: "Santa Catarina", cep: "88", ddd: "48" },
  { city: "Salvador", uf: "BA", state: "Bahia", cep: "40", ddd: "71" },
  { city: "Recife", uf: "PE", state: "Pernambuco", cep: "50", ddd: "81" },
  { city: "Fortaleza", uf: "CE", state: "Ceará", cep: "60", ddd: "85" },
  { city: "São Luís", uf: "MA", state: "Maranhão", cep: "65", ddd: "98" },
  { city: "João Pessoa", uf: "PB", state: "Paraíba", cep: "58", ddd: "83" },
  { city: "Maceió", uf: "AL", state: "Alagoas", cep: "57", ddd: "82" },
  { city: "Brasília", uf: "DF", state: "Distrito Federal", cep: "70", ddd: "61" },
  { city: "Goiânia", uf: "GO", state: "Goiás", cep: "74", ddd: "62" },
  { city: "Cuiabá", uf: "MT", state: "Mato Grosso", cep: "78", ddd: "65" },
  { city: "Manaus", uf: "AM", state: "Amazonas", cep: "69", ddd: "92" },
  { city: "Belém", uf: "PA", state: "Pará", cep: "66", ddd: "91" },
  { city: "Macapá", uf: "AP", state: "Amapá", cep: "68", ddd: "96" },
];

export const STREETS = [
  "Avenida Paulista",
  "Rua Augusta",
  "Rua das Flores",
  "Rua Barão de Itapetininga",
  "Avenida Brasil",
  "Rua XV de Novembro",
  "Travessa São José",
  "Rua Sete de Setembro",
  "Alameda Santos",
  "Rua Dr. Flôres",
  "Avenida Atlântica",
  "Rua da Consolação",
  "Praça da Sé",
  "Estrada do Açude",
  "Rua Coronel Sá & Souza",
];

export const BAIRROS = [
  "Bela Vista",
  "Centro",
  "Copacabana",
  "Savassi",
  "Moinhos de Vento",
  "Jardim Botânico",
  "Boa Viagem",
  "Pinheiros",
  "Aldeota",
  "Batel",
  "Asa Sul",
  "Ponta Verde",
  "Vila Madalena",
  "Méier",
];

export const COMPLEMENTS = [
  "Apto 42",
  "Bloco B, Ap 101",
  "Casa 2",
  "Fundos",
  "Sala 1203",
  "Cj. 5 – 3º andar",
];
