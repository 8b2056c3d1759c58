-- Rows first possible at schema 6 (campaigns, consent and contact-pressure exclusions (issue 10)).
SELECT 1;
