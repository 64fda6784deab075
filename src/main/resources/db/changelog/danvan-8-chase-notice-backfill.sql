-- Chase notices of fan-outs started before danvan_chase_notice existed (an upgrade with notices
-- open): each running chaseNotice instance with the fan-out's id and the body as variables.
insert into danvan_chase_notice (notice_id_, fanout_id_, body_)
select n.ID_, f.TEXT_, b.TEXT_
from ACT_RU_EXECUTION n
join ACT_RE_PROCDEF d on d.ID_ = n.PROC_DEF_ID_ and d.KEY_ = 'chaseNotice'
join ACT_RU_VARIABLE f on f.EXECUTION_ID_ = n.ID_ and f.NAME_ = 'fanoutId' and f.TASK_ID_ is null
join ACT_RU_VARIABLE b on b.EXECUTION_ID_ = n.ID_ and b.NAME_ = 'leadBody' and b.TASK_ID_ is null
where n.PARENT_ID_ is null and f.TEXT_ is not null and b.TEXT_ is not null
  and not exists (select 1 from danvan_chase_notice c where c.notice_id_ = n.ID_);
