-- Named locks held until the engine's transaction ends (vn.danvan.engine.EngineLocks): one row
-- per name, made the first time it is locked; portable SQL (PostgreSQL, H2).
create table if not exists danvan_lock (
  id_ varchar(255) not null primary key
);
