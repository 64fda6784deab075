-- The content of an attachment, part by part (PostgreSQL).
create table if not exists danvan_attachment_part (
  attachment_id_ varchar(64) not null,
  seq_           integer     not null,
  data_          bytea       not null,
  primary key (attachment_id_, seq_)
);
