-- Statistics per seat category; the same table as SQLite's V8.1, which creates it in the read models' file. Per
-- event one row for each category of its layout, in the layout's order (position), with the category's name as the
-- event's layout had it, its booked seats and its revenue; cancelled bookings count nowhere.
CREATE TABLE stats_event_categories (
    event_id      VARCHAR(64)  NOT NULL,
    code          VARCHAR(1)   NOT NULL,
    name          VARCHAR(100) NOT NULL,
    position      INTEGER      NOT NULL,
    booked        INTEGER      NOT NULL,
    revenue_cents BIGINT       NOT NULL,
    PRIMARY KEY (event_id, code)
);
