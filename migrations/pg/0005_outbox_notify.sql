-- Several replicas: one sends the outbox (the holder of an advisory lock) and hears here
-- that another queued something, rather than finding out at its next minute tick.
CREATE FUNCTION "tandem_outbox_queued"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tandem_outbox', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "outbox_queued" AFTER INSERT ON "outbox" FOR EACH STATEMENT EXECUTE FUNCTION "tandem_outbox_queued"();
