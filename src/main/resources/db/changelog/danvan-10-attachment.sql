-- Files people attach to a task or to a directive's process instance (vn.danvan.attachment):
-- one row of what the file is, its content in parts of at most 256 KiB (danvan_attachment_part),
-- written and read one part at a time, so no file is ever held whole in memory. Portable SQL
-- (PostgreSQL, H2) but for the parts' binary type (the two files that follow). signature_: for a
-- PDF, what its digital signatures say (signer, time, unchanged since signing), read at upload.
create table if not exists danvan_attachment (
  id_            varchar(64)   not null primary key,
  task_id_       varchar(64),
  proc_inst_id_  varchar(64),
  owner_groups_  varchar(2000),
  name_          varchar(255)  not null,
  mime_type_     varchar(255)  not null,
  size_          bigint        not null,
  user_id_       varchar(255)  not null,
  created_       timestamp     not null,
  signature_     varchar(4000)
);
create index if not exists DANVAN_IDX_ATTACHMENT_TASK on danvan_attachment (task_id_);
create index if not exists DANVAN_IDX_ATTACHMENT_PROC on danvan_attachment (proc_inst_id_);
