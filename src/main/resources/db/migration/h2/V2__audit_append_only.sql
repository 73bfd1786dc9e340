-- The embedded H2 default refuses UPDATE and DELETE on the audit trail too.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
