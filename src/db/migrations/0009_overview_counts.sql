-- Visão geral counts each store's failed pushes and failed customer e-mails; these partial
-- indexes hold only the failed rows, so each count reads a handful of index entries.
create index outbox_failed_pushes_by_store on outbox (store_id)
  where status = 'failed' and channel <> 'email';
create index email_outbox_failed_by_store on email_outbox (store_id) where status = 'failed';
