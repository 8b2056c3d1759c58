-- Schema 6: campaigns, consent and contact-pressure exclusions (issue 10).
-- Placeholder: filled in by the work on that issue.
SELECT 1;
