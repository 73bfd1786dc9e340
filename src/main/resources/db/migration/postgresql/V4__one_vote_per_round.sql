-- Defence in depth for "one person, one vote": the database refuses a second vote by the same
-- person on the same subject and round (the task listeners refuse it first, with a clear message).
CREATE UNIQUE INDEX uq_review_decision_one_vote
    ON review_decision (subject_type, subject_id, review_round, reviewer)
    WHERE decision <> 'RECUSED';
