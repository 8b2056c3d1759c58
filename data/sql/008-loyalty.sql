-- Schema 8: loyalty programme, referrals and engagement score (issue 14).
-- Placeholder: filled in by the work on that issue.
SELECT 1;
