-- The fold's checkpoints in parts of at most 1 MiB (CheckpointStore): a single parameter of the whole state is
-- encoded on an event loop in one go and stalls the HTTP requests that share it. Shared by every service that
-- folds the ledger, after its own migrations (V1-V99).
create table fold_snapshot_part (
    seq   bigint  not null,
    part  integer not null,
    bytes bytea   not null,
    primary key (seq, part)
);
-- Uncompressed: the state would compress, but pglz on every checkpoint costs more CPU than the disk it saves.
alter table fold_snapshot_part alter column bytes set storage external;

insert into fold_snapshot_part (seq, part, bytes) select seq, 0, state from fold_snapshot;
alter table fold_snapshot drop column state;
