-- Defence in depth for "one person, one vote" with deputies: at most one vote per subject and round is cast
-- for an absent person by a deputy (the review listener refuses a second one first, with a clear message).
CREATE UNIQUE INDEX uq_review_decision_one_vote_acting_for
    ON review_decision (subject_type, subject_id, review_round, acting_for)
    WHERE acting_for IS NOT NULL AND decision <> 'RECUSED';
