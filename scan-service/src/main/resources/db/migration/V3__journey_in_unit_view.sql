-- The journey summary moves into the unit's own row: a verify then reads one row by its key instead of that row
-- and a range of journey_step's index, which was half of PostgreSQL's time per verify (ADR 13). The newest 50
-- steps are kept, the default of custody.verify.journey-steps; the projection keeps the configured number from
-- here on, and a rebuild applies it to every unit.
alter table unit_view add column journey jsonb not null default '[]';

update unit_view v
   set journey = (select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                             'seq', s.seq, 'event_time', s.event_time, 'step', s.step, 'party_name', s.party_name,
                             'to_party_name', s.to_party_name, 'city', s.city, 'country', s.country,
                             'via_container', s.via_container)) order by s.seq), '[]')
                    from (select * from journey_step s where s.unit_code = v.code order by s.seq desc limit 50) s)
 where exists (select 1 from journey_step s where s.unit_code = v.code);

drop table journey_step;
