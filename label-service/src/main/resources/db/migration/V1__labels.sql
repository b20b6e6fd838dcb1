-- label-service: the producer's keys (encrypted at rest), label batches with their serials, and the chunks a
-- batch is commissioned in. projection_position and fold_snapshot are the shared fold engine's (ADR 8): this
-- service folds the ledger to check credentials, company prefixes and keys without calling another service.

create table producer_key (
    key_id        text primary key,
    party         text        not null,
    purpose       text        not null check (purpose in ('custody', 'label')),
    public_key    text        not null,
    encrypted_pem text        not null,
    origin        text        not null check (origin in ('generated', 'imported')),
    created_at    timestamptz not null
);
create index producer_key_party on producer_key (party, purpose, created_at);

create table label_batch (
    id           uuid primary key,
    party        text        not null,
    gtin         text        not null,
    lot          text        not null,
    expiry       date        not null,
    quantity     integer     not null check (quantity between 1 and 1000000),
    product      text        not null,
    label_key_id text        not null references producer_key (key_id),
    status       text        not null,
    allocated    integer     not null default 0,
    commissioned integer     not null default 0,
    failure      text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index label_batch_party on label_batch (party, created_at desc);

-- One row per label, in print order. A serial is unique per GTIN by constraint, not by hope.
create table label (
    batch_id uuid    not null references label_batch (id),
    idx      integer not null,
    gtin     text    not null,
    serial   text    not null,
    primary key (batch_id, idx),
    unique (gtin, serial)
);

-- A batch is commissioned as COMMISSION events of at most 10,000 units. The event's time and nonce are fixed
-- when the chunk is planned, so a retried chunk is the same signed event (the same event id), which the ledger
-- never appends twice.
create table commission_chunk (
    batch_id       uuid        not null references label_batch (id),
    chunk_no       integer     not null,
    first_idx      integer     not null,
    last_idx       integer     not null,
    event_time     timestamptz not null,
    nonce          text        not null,
    custody_key_id text        not null,
    event_id       text,
    status         text        not null,
    seq            bigint,
    code           text,
    detail         text,
    attempts       integer     not null default 0,
    primary key (batch_id, chunk_no)
);

create table projection_position (
    name         text primary key,
    seq          bigint not null,
    kafka_offset bigint not null,
    record_time  timestamptz
);
insert into projection_position (name, seq, kafka_offset) values ('label', 0, -1);

create table fold_snapshot (
    seq          bigint primary key,
    kafka_offset bigint not null,
    state        bytea  not null,
    created_at   timestamptz not null default now()
);
