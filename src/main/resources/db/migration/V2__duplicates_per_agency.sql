-- A migration rewrites whole tables: it is not held to the request deadline of the pool's connections.
set local statement_timeout = 0;

-- An event's (source, id) identifies it within its agency only: another agency reusing a source
-- and an id must neither be answered DUPLICATE with this agency's tracking code nor block it.
alter table step_event add column agency varchar(64);
update step_event e set agency = a.agency from application a where a.id = e.application_id;
alter table step_event alter column agency set not null;
alter table step_event drop constraint step_event_source_event_id_key;
alter table step_event add constraint step_event_agency_source_event_id_key unique (agency, source, event_id);
