-- Schema 7: next best offer rules, dismissals and the sales pipeline (issue 10).
-- Placeholder: filled in by the work on that issue.
SELECT 1;
