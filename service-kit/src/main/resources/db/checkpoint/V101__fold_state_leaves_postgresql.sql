-- The fold's state lives in each replica's own store now (ADR 26): no checkpoint of it is kept here.
drop table fold_snapshot_part;
drop table fold_snapshot;
