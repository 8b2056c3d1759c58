-- Rows first possible at schema 8 (loyalty programme, referrals and engagement score (issue 14)).
SELECT 1;
