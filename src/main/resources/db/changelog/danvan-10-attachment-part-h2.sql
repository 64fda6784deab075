-- The content of an attachment, part by part (H2).
create table if not exists danvan_attachment_part (
  attachment_id_ varchar(64) not null,
  seq_           integer     not null,
  data_          blob        not null,
  primary key (attachment_id_, seq_)
);
