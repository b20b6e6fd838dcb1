-- Which parties held or were named for a unit (as actor, or as the receiver of a handoff): who may read its history.
create table unit_party (
    unit_code text not null,
    party_id  text not null,
    primary key (unit_code, party_id)
);
