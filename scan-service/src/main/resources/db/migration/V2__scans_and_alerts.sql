-- Scans as the detector consumed them (idempotent by their place in the scans topic), the reasons the detector
-- raised per unit (read by every verify), and the alerts brand owners work through.
create table scan_record (
    scan_partition int         not null,
    scan_offset    bigint      not null,
    unit_code      text        not null,
    scanned_at     timestamptz not null,
    context        text        not null,
    device         text        not null,
    city           text,
    country        text,
    primary key (scan_partition, scan_offset)
);
create index scan_record_by_unit on scan_record (unit_code, scanned_at);

create table unit_flag (
    unit_code text        not null,
    reason    text        not null,
    raised_at timestamptz not null,
    primary key (unit_code, reason)
);

create table alert (
    id            bigserial primary key,
    unit_code     text        not null,
    brand_id      text        not null,
    reason        text        not null,
    raised_at     timestamptz not null,
    status        text        not null,
    status_reason text,
    updated_at    timestamptz not null,
    unique (unit_code, reason)
);
create index alert_by_brand on alert (brand_id, status, id);
