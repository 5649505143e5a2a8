-- What forecasts learn from, kept as counts per service and local day (see domain Tally): every
-- batch adds what its events changed, so no forecast ever reads the event log. A batch writes
-- under one shard of a day's counters, so that concurrent batches of one busy service do not
-- queue on the same rows; reads sum the shards.
create table forecast_tally (
    service_code  varchar(64)  not null,
    day           date         not null,
    kind          char(1)      not null,
    step          varchar(64)  not null,
    item          varchar(80)  not null,
    shard         smallint     not null,
    count         bigint       not null,
    primary key (service_code, day, kind, step, item, shard)
);
