-- A body's track record (vn.danvan.tracking.TrackRecords) finds the history of the work it led by
-- its leadBody variable. ACT_HI_VARINST has no index on the value: each body's figures scanned
-- every history variable of that name (31 ms each, growing with the history). A partial index on
-- the leadBody rows only; left(TEXT_, 100), so that no value is too long for a btree entry.
create index if not exists DANVAN_IDX_HI_VAR_LEAD_BODY
  on ACT_HI_VARINST (left(TEXT_, 100)) where NAME_ = 'leadBody';
