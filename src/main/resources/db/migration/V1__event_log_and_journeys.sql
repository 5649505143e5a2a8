-- Published service timelines: immutable once written; a change is a new version.
create table service_version (
    service_code  varchar(64)  not null,
    version       integer      not null,
    agency        varchar(64)  not null,
    definition    jsonb        not null,
    published_at  timestamptz  not null,
    primary key (service_code, version)
);

-- One row per application an agency tracks. The columns after tracking_code are a projection of
-- the event log (a cache): a replay rebuilds them.
create table application (
    id               bigserial    primary key,
    agency           varchar(64)  not null,
    subject          varchar(128) not null,
    service_code     varchar(64)  not null,
    tracking_code    varchar(16)  not null unique,
    created_at       timestamptz  not null,
    service_version  integer,
    status           varchar(32)  not null default 'NOT_SUBMITTED',
    schedule_status  varchar(32)  not null default 'NOT_SUBMITTED',
    at_risk          boolean      not null default false,
    current_step     varchar(64),
    submitted_at     timestamptz,
    ended_at         timestamptz,
    event_count      integer      not null default 0,
    projected_at     timestamptz,
    unique (agency, subject)
);
create index application_by_service on application (service_code, status);

-- The append-only event log: every valid event, including those the status rule ignores.
create table step_event (
    seq           bigserial     primary key,
    source        varchar(256)  not null,
    event_id      varchar(256)  not null,
    application_id bigint       not null references application (id),
    type          varchar(40)   not null,
    step          varchar(64),
    public_note   varchar(500),
    occurred_at   timestamptz   not null,
    received_at   timestamptz   not null,
    channel       varchar(8)    not null,
    unique (source, event_id)
);
create index step_event_by_application on step_event (application_id, occurred_at, seq);
