-- Numbers handed out per project (change request codes, baseline versions, gate attempts) come from one
-- counter row per project and kind, taken with an atomic upsert: concurrent requests queue on that row
-- (only for that project) and each gets its own number; a rolled-back request gives its number back.
CREATE TABLE project_counter (
    project_id BIGINT      NOT NULL,
    counter    VARCHAR(30) NOT NULL,
    last_value INT         NOT NULL,
    CONSTRAINT pk_project_counter PRIMARY KEY (project_id, counter),
    CONSTRAINT fk_project_counter_project FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT ck_project_counter_value CHECK (last_value >= 0)
);

-- Continue from what was handed out so far (codes were <project>-CR<count + 1>; versions and attempts MAX + 1).
INSERT INTO project_counter (project_id, counter, last_value)
SELECT project_id, 'CHANGE_REQUEST', COUNT(*) FROM change_request GROUP BY project_id;

INSERT INTO project_counter (project_id, counter, last_value)
SELECT project_id, 'BASELINE', MAX(version) FROM baseline GROUP BY project_id;

INSERT INTO project_counter (project_id, counter, last_value)
SELECT project_id, CONCAT('GATE_', gate), MAX(attempt) FROM gate_review GROUP BY project_id, gate;
