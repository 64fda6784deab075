-- Completion counters of fan-outs (vn.danvan.fanout.FanoutStore); portable SQL (PostgreSQL, H2).
create table if not exists danvan_fanout (
  id_      varchar(64) not null primary key,
  total_   integer     not null,
  done_    integer     not null,
  created_ timestamp   not null
);
