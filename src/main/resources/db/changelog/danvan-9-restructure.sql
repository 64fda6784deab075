-- Restructuring (vn.danvan.org.Restructuring): endings an administrator declared over REST (they
-- overlay the registry file's validTo and successors), and every move of open work from an ended
-- body to its heir: from, to, why, which instance and how much of it. Portable SQL (PostgreSQL, H2).
create table if not exists danvan_body_ending (
  body_        varchar(255)  not null primary key,
  valid_to_    date          not null,
  successors_  varchar(2000) not null,
  decided_by_  varchar(255),
  decided_at_  timestamp     not null
);
create table if not exists danvan_body_move (
  id_            varchar(64)   not null primary key,
  moved_at_      timestamp     not null,
  from_body_     varchar(255)  not null,
  to_body_       varchar(255)  not null,
  proc_inst_id_  varchar(64),
  proc_def_key_  varchar(255),
  business_key_  varchar(255),
  tasks_         integer       not null,
  variables_     integer       not null,
  notices_       integer       not null,
  reason_        varchar(2000) not null,
  decided_by_    varchar(255)
);
create index if not exists DANVAN_IDX_BODY_MOVE_FROM on danvan_body_move (from_body_);
create index if not exists DANVAN_IDX_BODY_MOVE_TO on danvan_body_move (to_body_);
