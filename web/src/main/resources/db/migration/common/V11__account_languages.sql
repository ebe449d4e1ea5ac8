-- Languages of accounts (issue 15): every account reads Seatwise, and gets its mail, in English or German. The
-- account directory keeps it beside the role, changed in the transaction of the command that changes it; the mail
-- group keeps it beside the address it mails. Accounts opened before have no language in their events (revision 1 of
-- AccountRegistered), which read as English: so do their rows here.
ALTER TABLE account_credentials ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'en';
ALTER TABLE mail_accounts ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'en';
