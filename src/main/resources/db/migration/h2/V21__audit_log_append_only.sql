-- New events are numbered after the history moved over in V20.
ALTER TABLE audit_event ALTER COLUMN id RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_event);

-- The embedded H2 default refuses UPDATE and DELETE on the tables of the audit log too.
CREATE TRIGGER audit_log_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_log_event_no_delete BEFORE DELETE ON audit_event
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_leaf_no_update BEFORE UPDATE ON audit_leaf
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_leaf_no_delete BEFORE DELETE ON audit_leaf
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_tree_node_no_update BEFORE UPDATE ON audit_tree_node
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_tree_node_no_delete BEFORE DELETE ON audit_tree_node
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_signing_key_no_update BEFORE UPDATE ON audit_signing_key
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
CREATE TRIGGER audit_signing_key_no_delete BEFORE DELETE ON audit_signing_key
    FOR EACH ROW CALL 'io.openpmo.audit.AppendOnlyH2Trigger';
