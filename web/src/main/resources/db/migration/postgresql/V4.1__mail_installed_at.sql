-- When mail was installed (see V4), by PostgreSQL's clock. Released inside V4 until the migrations were shared.
INSERT INTO mail_installed (installed_at) VALUES (CAST(extract(epoch FROM now()) * 1000 AS BIGINT));
