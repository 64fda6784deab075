-- The daily digest (vn.danvan.notification.Digests): per person, the digest time their last
-- digest covered (epoch milliseconds, zone-free), written with the queued mail; portable SQL.
create table if not exists danvan_digest (
  user_id_ varchar(255) not null primary key,
  last_digest_ bigint not null
);
