-- Reads that must not grow with the whole history (see the README's growth benchmark):
-- a page of GET /api/v1/projects (newest first) reads its rows from the index instead of sorting every project;
-- the latest status report of each project (portfolio report) is one index probe per project instead of
-- numbering every report ever written.
CREATE INDEX ix_project_created ON project (created_at DESC, id DESC);
CREATE INDEX ix_status_report_latest ON status_report (project_id, report_date DESC, id DESC);
