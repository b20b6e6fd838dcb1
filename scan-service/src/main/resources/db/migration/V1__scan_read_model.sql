-- scan-service's own read model, folded from custody.ledger independently of ledger-service and rebuilt by
-- replay; projection_position is written in the same transaction as the rows it covers.

-- One row per unit: what a verify needs, in one lookup by code.
create table unit_view (
    code              text primary key,
    kind              text        not null,
    gtin              text,
    lot               text,
    expiry            date,
    product           text,
    brand_id          text        not null,
    brand_name        text        not null,
    status            text        not null,
    unit_recalled     boolean     not null,
    lot_recalled      boolean     not null,
    recall_reason     text,
    in_transit        boolean     not null,
    custodian_name    text        not null,
    custodian_city    text,
    custodian_country text,
    containers        text,
    last_seq          bigint      not null
);

-- The journey summary a consumer sees: one step per event that moved the unit or the container it was in.
create table journey_step (
    unit_code     text        not null,
    seq           bigint      not null,
    event_time    timestamptz not null,
    step          text        not null,
    party_name    text        not null,
    to_party_name text,
    city          text,
    country       text,
    via_container text,
    primary key (unit_code, seq)
);

create table projection_position (
    name         text primary key,
    seq          bigint not null,
    kafka_offset bigint not null,
    record_time  timestamptz
);
insert into projection_position (name, seq, kafka_offset) values ('scan', 0, -1);

create table fold_snapshot (
    seq          bigint primary key,
    kafka_offset bigint not null,
    state        bytea  not null,
    created_at   timestamptz not null default now()
);
