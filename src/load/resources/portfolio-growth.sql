-- A portfolio with five years of history for the growth benchmark (PortfolioGrowth), appended to what the database
-- holds: :n projects created evenly over the last five years. Older than 18 months: closed (a tenth rejected, a
-- tenth stopped); 1 to 18 months: in delivery (every twentieth on hold) with monthly status reports; newer: in
-- review. Domain tables by bulk SQL; the engine's history of the same projects (initiation, G1 and G2 gate reviews,
-- lifecycle, their review tasks with candidate groups, the gate variable) by SQL into ACT_HI_*, as the engine
-- writes it at history level full; no runtime rows: the open work of the benchmark comes from real processes.
-- Placeholders: :n (projects), :offset (numbering), :initiation, :gate, :lifecycle (process definition ids).

CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT g, now() - interval '1825 days' * (1 - g::float / :n) AS created,
       (now() - (now() - interval '1825 days' * (1 - g::float / :n))) AS age
FROM generate_series(1, :n) g;

INSERT INTO project (code, title, description, business_unit, sponsor, requester, project_type, strategic_alignment,
    expected_annual_benefit, budget, currency, start_date, duration_months, complexity, personal_data,
    data_classification, third_party, critical_function, new_technology, status, phase, risk_score, risk_tier,
    priority_score, priority_class, project_manager, created_at, updated_at, decided_at, health, missed_reports)
SELECT 'PRJ-' || to_char(created, 'YYYY') || '-G' || lpad((g + :offset)::text, 6, '0'),
       'Generated project ' || (g + :offset), 'Generated for the growth benchmark',
       (ARRAY['Retail', 'Operations', 'IT', 'Finance', 'Risk'])[1 + g % 5], 'sam',
       (ARRAY['rita', 'integrationbot'])[1 + g % 2], (ARRAY['REGULATORY', 'STRATEGIC', 'INNOVATION', 'RUN'])[1 + g % 4],
       1 + g % 5, 50000 + (g % 40) * 10000, 100000 + (g % 97) * 50000, 'EUR', created::date + 30, 6 + g % 18,
       (ARRAY['LOW', 'MEDIUM', 'HIGH'])[1 + g % 3], g % 3 = 0,
       (ARRAY['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'STRICTLY_CONFIDENTIAL'])[1 + g % 4], 'NONE', g % 7 = 0, g % 5 = 0,
       CASE WHEN age > interval '540 days' THEN (CASE g % 10 WHEN 8 THEN 'REJECTED' WHEN 9 THEN 'STOPPED' ELSE 'CLOSED' END)
            WHEN age > interval '30 days' THEN (CASE WHEN g % 20 = 0 THEN 'ON_HOLD' ELSE 'ACTIVE' END)
            ELSE 'IN_REVIEW' END,
       CASE WHEN age > interval '540 days' THEN (CASE g % 10 WHEN 8 THEN 'INITIATION' ELSE 'CLOSED' END)
            WHEN age > interval '30 days' THEN 'DELIVERY' ELSE 'INITIATION' END,
       g % 90, (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[1 + g % 4], g % 100, (ARRAY['P1', 'P2', 'P3', 'P4'])[1 + g % 4],
       CASE WHEN age > interval '30 days' AND g % 10 <> 8 THEN (ARRAY['paul', 'nora'])[1 + g % 2] END,
       created, created + interval '10 days', CASE WHEN age > interval '30 days' THEN created + interval '10 days' END,
       CASE WHEN age > interval '30 days' AND g % 10 <> 8 THEN (ARRAY['GREEN', 'GREEN', 'AMBER', 'RED'])[1 + g % 4] END,
       0
FROM gen;

CREATE TEMP TABLE gen_project ON COMMIT DROP AS
SELECT p.id, p.code, p.status, p.created_at, p.budget, p.duration_months, gen.g
FROM project p JOIN gen ON p.code = 'PRJ-' || to_char(gen.created, 'YYYY') || '-G' || lpad((gen.g + :offset)::text, 6, '0');

INSERT INTO project_approval (project_id, group_id, stage, ordinal)
SELECT id, 'pmo', 'FUNCTIONAL', 1 FROM gen_project;

INSERT INTO review_decision (subject_type, subject_id, project_id, review_round, stage, group_id, reviewer, decision,
    comment, task_id, decided_at)
SELECT 'PROJECT_REQUEST', id, id, 1, 'FUNCTIONAL', 'pmo', (ARRAY['petra', 'pierre'])[1 + g % 2],
       CASE WHEN status = 'REJECTED' THEN 'REJECT' ELSE 'APPROVE' END,
       CASE WHEN status = 'REJECTED' THEN 'Does not fit the plan' END, 'gen-ti-' || (g + :offset),
       created_at + interval '1 day' * (2 + g % 9)
FROM gen_project WHERE status <> 'IN_REVIEW';

INSERT INTO baseline (project_id, version, status, budget_at_completion, start_date, end_date, reason, created_by,
    created_at, effective_from)
SELECT id, 1, 'IN_FORCE', budget, created_at::date + 30, (created_at::date + 30) + make_interval(months => duration_months),
       'G1 plan', 'paul', created_at + interval '25 days', created_at + interval '28 days'
FROM gen_project WHERE status IN ('CLOSED', 'STOPPED', 'ACTIVE', 'ON_HOLD');

UPDATE project p SET current_baseline_id = b.id FROM baseline b, gen_project gp
WHERE b.project_id = p.id AND gp.id = p.id AND b.version = 1;

-- monthly reports from the baseline's start to its end or today (stopped projects stop half-way)
INSERT INTO status_report (project_id, baseline_id, report_date, percent_complete, actual_cost, planned_value,
    earned_value, cpi, spi, health, notes, source, submitted_by, submitted_at)
SELECT b.project_id, b.id, d::date,
       least(100, round((100.0 * m / gp.duration_months)::numeric * (0.85 + (gp.g % 4) * 0.05), 2)),
       round(b.budget_at_completion * m / gp.duration_months * (0.9 + (gp.g % 5) * 0.06), 2),
       round(b.budget_at_completion * m / gp.duration_months, 2),
       round(b.budget_at_completion * least(1, m::numeric / gp.duration_months * (0.85 + (gp.g % 4) * 0.05)), 2),
       round((0.85 + (gp.g % 4) * 0.05) / (0.9 + (gp.g % 5) * 0.06), 4), round(0.85 + (gp.g % 4) * 0.05, 4),
       (ARRAY['GREEN', 'GREEN', 'AMBER', 'RED'])[1 + gp.g % 4], 'Monthly report', 'API', 'paul', d
FROM baseline b JOIN gen_project gp ON gp.id = b.project_id
CROSS JOIN LATERAL generate_series(1, gp.duration_months / (CASE WHEN gp.status = 'STOPPED' THEN 2 ELSE 1 END)) m
CROSS JOIN LATERAL (SELECT b.start_date + make_interval(months => m) AS d) day
WHERE d < now();

INSERT INTO audit_event (occurred_at, actor, action, project_id, project_code, details)
SELECT created_at, 'integrationbot', 'PROJECT_SUBMITTED', id, code, '{"generated":true}' FROM gen_project
UNION ALL
SELECT created_at + interval '10 days', 'petra', CASE WHEN status = 'REJECTED' THEN 'PROJECT_REJECTED' ELSE
       'PROJECT_APPROVED' END, id, code, '{"generated":true}' FROM gen_project WHERE status <> 'IN_REVIEW';

INSERT INTO audit_pending (event_id)
SELECT e.id FROM audit_event e JOIN gen_project gp ON gp.id = e.project_id;

-- engine history: initiation, and for projects that got that far G1 (and G2 for closed ones) and the lifecycle
CREATE TEMP TABLE gen_process ON COMMIT DROP AS
SELECT 'gen-i-' || (g + :offset) AS id, 'projectInitiation' AS def_key, :initiation AS def_id, code, g,
       created_at AS started, created_at + interval '1 day' * (2 + g % 9) AS ended, NULL AS gate,
       'Task_ReviewRequest' AS task, 'Review project request' AS task_name, 'gen-ti-' || (g + :offset) AS task_id
FROM gen_project WHERE status <> 'IN_REVIEW'
UNION ALL
SELECT 'gen-g1-' || (g + :offset), 'stageGateReview', :gate, code, g, created_at + interval '20 days',
       created_at + interval '20 days' + interval '1 day' * (1 + g % 7), 'G1', 'Task_ReviewGate', 'Decide gate',
       'gen-tg1-' || (g + :offset)
FROM gen_project WHERE status IN ('CLOSED', 'STOPPED', 'ACTIVE', 'ON_HOLD')
UNION ALL
SELECT 'gen-g2-' || (g + :offset), 'stageGateReview', :gate, code, g,
       created_at + make_interval(months => duration_months) + interval '25 days',
       created_at + make_interval(months => duration_months) + interval '25 days' + interval '1 day' * (2 + g % 11),
       'G2', 'Task_ReviewGate', 'Decide gate', 'gen-tg2-' || (g + :offset)
FROM gen_project WHERE status = 'CLOSED';

INSERT INTO act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
    duration_, start_act_id_, end_act_id_, root_proc_inst_id_, state_)
SELECT id, id, code, def_key, def_id, started, ended, (extract(epoch FROM ended - started) * 1000)::bigint,
       'StartEvent', 'EndEvent', id, 'COMPLETED'
FROM gen_process
UNION ALL
SELECT 'gen-l-' || (g + :offset), 'gen-l-' || (g + :offset), code, 'projectLifecycle', :lifecycle,
       created_at + interval '10 days',
       CASE WHEN status IN ('CLOSED', 'STOPPED') THEN created_at + make_interval(months => duration_months) + interval '40 days' END,
       CASE WHEN status IN ('CLOSED', 'STOPPED') THEN (extract(epoch FROM make_interval(months => duration_months) + interval '30 days') * 1000)::bigint END,
       'StartEvent_ProjectApproved', CASE WHEN status IN ('CLOSED', 'STOPPED') THEN 'EndEvent' END, 'gen-l-' || (g + :offset),
       CASE WHEN status IN ('CLOSED', 'STOPPED') THEN 'COMPLETED' ELSE 'ACTIVE' END
FROM gen_project WHERE status IN ('CLOSED', 'STOPPED', 'ACTIVE', 'ON_HOLD');

INSERT INTO act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_, execution_id_,
    name_, var_type_, create_time_, rev_, text_, state_)
SELECT 'gen-v-' || id, def_key, def_id, id, id, id, 'gate', 'string', started, 0, gate, 'CREATED'
FROM gen_process WHERE gate IS NOT NULL;

INSERT INTO act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
    execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_, priority_,
    due_date_, task_state_)
SELECT task_id, task, def_key, def_id, id, id, id, task || ':' || task_id, task_name,
       (ARRAY['petra', 'pierre'])[1 + g % 2], started, ended - interval '1 hour',
       (extract(epoch FROM ended - interval '1 hour' - started) * 1000)::bigint, 'completed', 50,
       started + interval '5 days', 'Completed'
FROM gen_process;

INSERT INTO act_hi_identitylink (id_, timestamp_, type_, group_id_, task_id_, root_proc_inst_id_, proc_def_id_,
    operation_type_, proc_def_key_)
SELECT 'gen-il-' || task_id, started, 'candidate', 'pmo', task_id, id, def_id, 'add', def_key
FROM gen_process;
