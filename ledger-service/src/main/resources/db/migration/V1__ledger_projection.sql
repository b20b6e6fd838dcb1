-- The ledger-service read model. Every table is a projection of custody.ledger and can be dropped and
-- rebuilt by replay; projection_position is written in the same transaction as the rows it covers.

create table ledger_record (
    seq          bigint primary key,
    kafka_offset bigint      not null unique,
    record_time  timestamptz not null,
    event_id     text,
    type         text,
    actor        text,
    outcome      text        not null,
    code         text,
    message      text,
    envelope     text
);
create index ledger_record_event_id on ledger_record (event_id, seq);

create table unit (
    code          text primary key,
    kind          text    not null,
    gtin          text,
    lot           text,
    expiry        date,
    product       text,
    custodian     text    not null,
    pending_to    text,
    parent        text,
    status        text    not null,
    recalled      boolean not null,
    recall_reason text,
    created_seq   bigint  not null,
    last_seq      bigint  not null
);
create index unit_gtin on unit (gtin);

-- Which records concern which unit, including what happened to a container while the unit was inside.
create table unit_history (
    unit_code     text    not null,
    seq           bigint  not null,
    via_container boolean not null,
    primary key (unit_code, seq)
);

create table party (
    id                text primary key,
    name              text   not null,
    roles             text   not null,
    company_prefixes  text   not null,
    gln               text,
    city              text,
    country           text,
    registered_seq    bigint not null,
    suspended_seq     bigint not null,
    suspension_reason text
);

create table party_key (
    key_id            text primary key,
    party_id          text   not null,
    public_key        text   not null,
    purpose           text   not null,
    added_seq         bigint not null,
    revoked_seq       bigint not null,
    revocation_reason text
);

create table lot (
    id            text primary key,
    gtin          text   not null,
    lot           text   not null,
    units         bigint not null,
    recalled_seq  bigint not null,
    recall_reason text
);

create table projection_position (
    name         text primary key,
    seq          bigint not null,
    kafka_offset bigint not null,
    record_time  timestamptz
);
insert into projection_position (name, seq, kafka_offset) values ('ledger', 0, -1);

-- Fold checkpoints: a replica restores the newest and folds forward instead of replaying the whole log.
create table fold_snapshot (
    seq          bigint primary key,
    kafka_offset bigint not null,
    state        bytea  not null,
    created_at   timestamptz not null default now()
);
