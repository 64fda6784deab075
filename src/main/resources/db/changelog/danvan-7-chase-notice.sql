-- The chase notices a fan-out started (vn.danvan.fanout.FanoutStore): a body that finishes ends
-- its own by their ids. Found before by a search of every instance of the directive's number with
-- two variables each (at national scale, thousands per finishing body); portable SQL (PostgreSQL,
-- H2).
create table if not exists danvan_chase_notice (
  notice_id_ varchar(64)  not null primary key,
  fanout_id_ varchar(64)  not null,
  body_      varchar(255) not null
);
create index if not exists DANVAN_IDX_CHASE_NOTICE_BODY on danvan_chase_notice (fanout_id_, body_);
