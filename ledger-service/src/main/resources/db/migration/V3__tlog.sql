-- The transparency log's tree (ADR 29): tiles of 256 hashes per level and bundles of 256 entries (level -1), each
-- at the widest it has been, keyed '<level>/<index>'. Written with the read model, in the same fenced transaction.
create table tlog_tile (
    tile   text     not null primary key,
    level  bigint   not null,
    idx    bigint   not null,
    width  bigint   not null check (width between 1 and 256),
    hashes bytea    not null
);

-- Every checkpoint the log signed, in order of size; never dropped by a rebuild (the tree grows back to the same
-- roots). The note is the signed checkpoint with the cosignatures collected for it.
create table tlog_checkpoint (
    size      bigint      not null primary key,
    root      bytea       not null,
    note      text        not null,
    cosigners bigint      not null,
    signed_at timestamptz not null,
    -- when it last gained cosignatures (null: none yet)
    cosigned_at timestamptz
);
