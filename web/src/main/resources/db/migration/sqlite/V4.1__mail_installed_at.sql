-- When mail was installed (see V4), by SQLite's clock. Released inside V4 until the migrations were shared.
INSERT INTO mail_installed (installed_at) VALUES (CAST(strftime('%s', 'now') AS INTEGER) * 1000);
