-- The Clientes screen (issue 16): customers found by name (ignoring case and accents, like the
-- Pedidos list), by CPF/CNPJ (whole or its start) and by e-mail, listed by name and paged by
-- (folded name, id). The folded name is generated, so the sync and the panel keep it in step.
alter table customers
  add column name_search text generated always as (ponte_fold(name)) stored;

create index customers_by_name on customers (org_id, name_search, id);
create index customers_name_search on customers using gin (name_search gin_trgm_ops);
create index customers_document_prefix on customers (org_id, document text_pattern_ops)
  where document is not null;
create index customers_email_search on customers using gin (lower(email) gin_trgm_ops);
