-- +goose Up
-- Review cases and their notices leave with their decision (issue 18): they hold the shopper's
-- statement. As for decisions (migration 13), a DELETE passes the triggers only under a purge
-- permit of the decision's month, which the retention path holds while it removes a batch.
DROP TRIGGER review_notices_no_delete;
-- +goose StatementBegin
CREATE TRIGGER review_notices_no_delete BEFORE DELETE ON review_notices
WHEN NOT EXISTS (SELECT 1 FROM review_cases c JOIN decisions d ON d.id = c.decision_id JOIN purge_permits p
                 ON d.created_at >= p.month_start AND d.created_at < p.month_end WHERE c.id = OLD.case_id)
BEGIN
    SELECT RAISE(ABORT, 'DELETE on review_notices is not allowed: rows are append-only, and leave only with their decision by the retention path');
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER review_cases_no_delete BEFORE DELETE ON review_cases
WHEN NOT EXISTS (SELECT 1 FROM decisions d JOIN purge_permits p
                 ON d.created_at >= p.month_start AND d.created_at < p.month_end WHERE d.id = OLD.decision_id)
BEGIN
    SELECT RAISE(ABORT, 'DELETE on review_cases is not allowed: rows are append-only, and leave only with their decision by the retention path');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER review_cases_no_delete;
DROP TRIGGER review_notices_no_delete;
-- +goose StatementBegin
CREATE TRIGGER review_notices_no_delete BEFORE DELETE ON review_notices
BEGIN
    SELECT RAISE(ABORT, 'DELETE on review_notices is not allowed: rows are append-only');
END;
-- +goose StatementEnd
